"""Unseen English documents un01-un16: court notices, formal orders, central-bank statements,
written answers, and other jurisdictions whose bodies are named in French, Spanish or German."""

# ruff: noqa: E501  (each paragraph of a document is one line of its text)

from specs import MONTH, YEAR, agency, count, duration, every_agency, money, percent

DOCS = [
    {
        "id": "un01",
        "meta": {"published": "2025-04-25", "lang": "en", "style": "court sentencing notice"},
        "text": """Sentencing: former finance director jailed over invoice-discounting fraud

Case T20237041 | Southwark Crown Court | Sentence passed 24 April 2025

Marcus Ellery, 52, of Guildford, was sentenced today at Southwark Crown Court to eight years and three months' imprisonment after a jury convicted him on 11 counts of fraud by abuse of position. He was also disqualified from acting as a company director for 12 years.

The prosecution was brought by the Serious Fraud Office. The SFO showed that between 2016 and 2021 Ellery, then finance director of a Midlands packaging group, submitted 486 fictitious invoices to three invoice-discounting lenders, obtaining advances of £38.4 million. Losses to the lenders after recoveries stand at £21.7 million.

A co-defendant, the group's former credit controller, aged 44, received a suspended sentence of 20 months and was ordered to carry out unpaid work in the community.

Confiscation proceedings under the Proceeds of Crime Act 2002 will follow; the judge set a timetable of six months. In the meantime a restraint order freezes assets worth about £4.2 million, including a villa in the Algarve and two classic cars.

SFO Director said: "This was a sustained deception that ran through five financial years." Members of the press may contact the SFO press office on 020 7239 7000.
""",
        "specs": [
            agency("Southwark Crown Court", "SOUTHWARK", every=True),
            duration("eight years and three months", 8 * YEAR + 3 * MONTH),
            count("11 counts", 11, "count", "arrest"),
            duration("12 years", 12 * YEAR),
            agency("Serious Fraud Office", "SFO"),
            every_agency("SFO", "SFO"),
            count("486 fictitious invoices", 486, "invoice", "detection"),
            count("three invoice-discounting lenders", 3, "lender", "detection"),
            money("£38.4 million", 38.4e6, "GBP", "detection"),
            money("£21.7 million", 21.7e6, "GBP", "detection"),
            duration("20 months", 20 * MONTH),
            duration("six months", 6 * MONTH),
            money("£4.2 million", 4.2e6, "GBP", "freeze"),
            count("two classic cars", 2, "car", "freeze"),
            duration("five financial years", 5 * YEAR),
        ],
    },
    {
        "id": "un02",
        "meta": {"published": "2025-09-18", "lang": "en", "style": "court sentencing notice"},
        "text": """Brooklyn Man Sentenced to 97 Months for Laundering Proceeds of Romance Scams

Defendant Ordered to Forfeit $4.1 Million and Pay $6.8 Million in Restitution to 212 Victims

BROOKLYN, NY - Earlier today in federal court in Brooklyn, Dmitri Volkan, 39, was sentenced to 97 months in prison followed by three years of supervised release by United States District Judge Rachel Ostrow. Volkan pleaded guilty in March 2025 to conspiracy to commit money laundering. The court ordered him to forfeit $4.1 million and to pay $6.8 million in restitution to 212 victims, most of them retirees.

According to court filings, Volkan controlled 63 shell companies and 148 bank accounts through which he moved more than $19 million taken from victims of online romance and investment scams between 2019 and 2023. He kept a commission of roughly 8% on each transfer.

The sentence was announced by the U.S. Attorney's Office for the Eastern District of New York together with the Federal Bureau of Investigation (FBI) and the Internal Revenue Service (IRS). The FBI's New York field office and IRS agents traced the funds to 14 cryptocurrency wallets, from which 2.3 million USDT was frozen.

Four co-conspirators have pleaded guilty and await sentencing. The case is docketed as 23-CR-417 in the United States District Court for the Eastern District of New York.
""",
        "specs": [
            duration("97 Months", 97 * MONTH),
            money("$4.1 Million", 4.1e6, "USD", "seizure"),
            money("$6.8 Million", 6.8e6, "USD", "recovery"),
            count("212 Victims", 212, "victim", "detection"),
            duration("97 months", 97 * MONTH),
            duration("three years", 3 * YEAR),
            money("$4.1 million", 4.1e6, "USD", "seizure"),
            money("$6.8 million", 6.8e6, "USD", "recovery"),
            count("212 victims", 212, "victim", "detection"),
            count("63 shell companies", 63, "company", "detection"),
            count("148 bank accounts", 148, "account", "detection"),
            money("$19 million", 19e6, "USD", "detection"),
            percent("8%", 8),
            agency("U.S. Attorney's Office for the Eastern District of New York", "USAO_EDNY"),
            agency("Federal Bureau of Investigation", "FBI"),
            every_agency("FBI", "FBI"),
            agency("Internal Revenue Service", "IRS"),
            every_agency("IRS", "IRS"),
            count("14 cryptocurrency wallets", 14, "wallet", "detection"),
            money("2.3 million USDT", 2.3e6, "USDT", "freeze"),
            count("Four co-conspirators", 4, "co-conspirator", "arrest"),
            agency("United States District Court for the Eastern District of New York", "USDC_EDNY"),
        ],
    },
    {
        "id": "un03",
        "meta": {"published": "2025-02-03", "lang": "en", "style": "enforcement order (consent order)"},
        "text": """DFS Superintendent Announces $30 Million Consent Order with Harborline Bank

NEW YORK - The New York State Department of Financial Services (DFS) today announced a consent order under which Harborline Bank, N.A., agreed to pay a $30 million civil monetary penalty to the State of New York for failures in its transaction monitoring and sanctions screening programs.

The Department's examinations in 2021 and 2022 found that the bank's monitoring system generated alerts that went unreviewed for as long as 14 months. At one point the backlog stood at 117,000 alerts. DFS also found that the bank processed 1,340 payments, totalling approximately $84 million, for customers whose risk ratings had not been updated in more than three years.

Under the order the bank must:

1. retain an independent compliance monitor, acceptable to DFS, for a term of up to two years;
2. clear the alert backlog within 120 days;
3. submit a revised customer due diligence plan within 60 days.

Harborline, which has assets of about $41 billion and 62 branches in the state, neither admitted nor denied the findings. It previously paid $5 million in 2019 under a separate agreement with DFS.

Copies of the consent order are available on the Department's website under Section 39 of the New York Banking Law.
""",
        "specs": [
            every_agency("DFS", "NYDFS"),
            money("$30 Million", 30e6, "USD", "fine"),
            agency("New York State Department of Financial Services", "NYDFS"),
            money("$30 million", 30e6, "USD", "fine"),
            duration("14 months", 14 * MONTH),
            count("117,000 alerts", 117_000, "alert", "detection"),
            count("1,340 payments", 1340, "payment", "detection"),
            money("$84 million", 84e6, "USD", "detection"),
            duration("three years", 3 * YEAR),
            duration("two years", 2 * YEAR),
            duration("120 days", 120),
            duration("60 days", 60),
            money("$41 billion", 41e9, "USD", "statistic"),
            count("62 branches", 62, "branch", "statistic"),
            money("$5 million", 5e6, "USD", "fine"),
        ],
    },
    {
        "id": "un04",
        "meta": {"published": "2024-11-12", "lang": "en", "style": "enforcement order (final notice)"},
        "text": """FINAL NOTICE

To: Westgate Payments Ltd | Firm Reference Number: 781224 | Date: 12 November 2024

1. ACTION

1.1. For the reasons given in this Final Notice, the Financial Conduct Authority hereby imposes on Westgate Payments Ltd ("Westgate") a financial penalty of £5,432,100 pursuant to regulation 76 of the Money Laundering Regulations 2017.

1.2. Westgate agreed to resolve this matter and qualified for a 30% (stage 1) discount. Were it not for this discount, the Authority would have imposed a financial penalty of £7,760,143 on Westgate.

2. SUMMARY OF REASONS

2.1. Between 1 March 2019 and 30 June 2022 (the "Relevant Period"), Westgate operated 2,900 agent-run money-transfer outlets across the United Kingdom but carried out on-site checks at only 41 of them.

2.2. During the Relevant Period agents processed remittances worth £1.9 billion, of which £260 million went to jurisdictions the firm itself rated as high risk.

2.3. The FCA also cancels the registration of 17 agents and requires Westgate to terminate its relationships with them within 28 days.

3. DEFINITIONS

3.1. "the Authority" or "the FCA" means the Financial Conduct Authority. The Prudential Regulation Authority was consulted before this Notice was given.
""",
        "specs": [
            agency("Financial Conduct Authority", "FCA_UK", every=True),
            money("£5,432,100", 5_432_100, "GBP", "fine"),
            percent("30%", 30),
            money("£7,760,143", 7_760_143, "GBP", "fine"),
            count("2,900 agent-run money-transfer outlets", 2900, "outlet", "statistic"),
            money("£1.9 billion", 1.9e9, "GBP", "statistic"),
            money("£260 million", 260e6, "GBP", "detection"),
            every_agency("FCA", "FCA_UK"),
            count("17 agents", 17, "agent", "shutdown"),
            duration("28 days", 28),
            agency("Prudential Regulation Authority", "PRA"),
        ],
    },
    {
        "id": "un05",
        "meta": {"published": "2025-06-30", "lang": "en", "style": "enforcement order (licence suspension)"},
        "text": """Announcement: Suspension of the CIF licence of Oriel Markets Ltd

Nicosia, 30 June 2025. The Cyprus Securities and Exchange Commission (CySEC) announces that, by decision of 23 June 2025, it suspended the Cyprus Investment Firm licence no. 314/16 of Oriel Markets Ltd for a period of three months.

The decision was taken because CySEC had reasonable suspicion that the firm did not act honestly and fairly with its clients. In particular, inspectors identified 9 market-makers connected to the firm's shareholders, and found that roughly 4,600 retail clients had been moved to a higher-leverage offshore entity without adequate disclosure.

During the suspension Oriel Markets may not provide investment services, conclude new contracts or accept new clients, and must within 15 days return funds to clients who request it.

In a separate decision, CySEC accepted a settlement of €350,000 from Oriel Markets for earlier breaches of the Investment Services and Activities and Regulated Markets Law, and imposed an administrative fine of €120,000 on its former head of compliance.

CySEC reminds investors that in 2024 it published warnings about 212 unauthorised websites. Firms supervised by CySEC held client money of about €2.7 billion at the end of last year, a 12 per cent rise on 2023.
""",
        "specs": [
            agency("Cyprus Securities and Exchange Commission", "CYSEC"),
            every_agency("CySEC", "CYSEC"),
            duration("three months", 3 * MONTH),
            count("9 market-makers", 9, "market-maker", "detection"),
            count("4,600 retail clients", 4600, "client", "detection"),
            duration("15 days", 15),
            money("€350,000", 350e3, "EUR", "fine"),
            money("€120,000", 120e3, "EUR", "fine"),
            count("212 unauthorised websites", 212, "website", "other"),
            money("€2.7 billion", 2.7e9, "EUR", "statistic"),
            percent("12 per cent", 12),
        ],
    },
    {
        "id": "un06",
        "meta": {"published": "2025-08-05", "lang": "en", "style": "enforcement order (disgorgement)"},
        "text": """CFTC Orders Chicago Proprietary Trading Firm to Pay $4 Million for Spoofing

Washington, D.C. - The Commodity Futures Trading Commission today issued an order filing and simultaneously settling charges against Lakeshore Quant LLC for spoofing in gold and crude oil futures. The order requires Lakeshore to pay $2.5 million in disgorgement and a $1.5 million civil monetary penalty, and bars it from trading on any CFTC-registered entity for six months.

The order finds that from January 2020 through May 2023 two traders at the firm placed more than 31,000 orders they intended to cancel before execution. The scheme generated trading profits of $2.5 million, the amount now disgorged.

The CFTC also imposed penalties of $200,000 each on the two traders, and one of them agreed to a permanent trading ban.

"Spoofing erodes confidence in price discovery," said the CFTC's Director of Enforcement. The Director thanked CME Group's market regulation department, which referred the matter in 2022. CFTC staff responsible for this case are available at (202) 418-5000.

In fiscal year 2024 the Commission obtained orders imposing $17.1 billion in monetary relief, a figure driven largely by a single bankruptcy-related judgment.
""",
        "specs": [
            every_agency("CFTC", "CFTC"),
            money("$4 Million", 4e6, "USD", "fine"),
            agency("Commodity Futures Trading Commission", "CFTC"),
            money("$2.5 million", 2.5e6, "USD", "fine", occ=0),
            money("$1.5 million", 1.5e6, "USD", "fine"),
            duration("six months", 6 * MONTH),
            count("two traders", 2, "trader", "detection", occ=0),
            count("31,000 orders", 31_000, "order", "detection"),
            money("$2.5 million", 2.5e6, "USD", "detection", occ=1),
            money("$200,000", 200e3, "USD", "fine"),
            count("two traders", 2, "trader", "fine", occ=1),
            money("$17.1 billion", 17.1e9, "USD", "statistic"),
        ],
    },
    {
        "id": "un07",
        "meta": {"published": "2025-03-20", "lang": "en", "style": "central-bank statement"},
        "text": """Bank of Lithuania revokes the licence of an electronic money institution

Vilnius, 20 March 2025. The Board of the Bank of Lithuania today decided to revoke the electronic money institution licence of UAB Pinigu Tiltas and to impose on it a fine of EUR 1.15 million for serious and systematic breaches of anti-money laundering requirements.

Supervisors established that the company failed to identify the beneficial owners of 37 corporate clients and did not report 214 suspicious transactions, which together exceeded EUR 96 million. The information has been passed to the Financial Crime Investigation Service (FNTT), which will decide whether to open a pre-trial investigation.

The institution's clients hold around EUR 4.8 million on its accounts. These funds are safeguarded and will be returned to clients within 30 days; clients can enquire by calling +370 5 268 0029.

The revocation does not affect the wider market. At the end of 2024 Lithuania had 72 licensed electronic money institutions and 45 payment institutions, which together processed payments of EUR 151 billion during the year, 18% more than a year earlier. The sector employs about 2,400 people.

The decision may be appealed to Vilnius Regional Administrative Court within one month.
""",
        "specs": [
            agency("Bank of Lithuania", "LB", every=True),
            money("EUR 1.15 million", 1.15e6, "EUR", "fine"),
            count("37 corporate clients", 37, "client", "detection"),
            count("214 suspicious transactions", 214, "transaction", "detection"),
            money("EUR 96 million", 96e6, "EUR", "detection"),
            agency("Financial Crime Investigation Service", "FNTT"),
            agency("FNTT", "FNTT"),
            money("EUR 4.8 million", 4.8e6, "EUR", "statistic"),
            duration("30 days", 30),
            count("72 licensed electronic money institutions", 72, "institution", "statistic"),
            count("45 payment institutions", 45, "institution", "statistic"),
            money("EUR 151 billion", 151e9, "EUR", "statistic"),
            percent("18%", 18),
            count("2,400 people", 2400, "person", "statistic"),
            agency("Vilnius Regional Administrative Court", "VRAC_LT"),
            duration("one month", MONTH),
        ],
    },
    {
        "id": "un08",
        "meta": {"published": "2025-01-09", "lang": "en", "style": "central-bank statement"},
        "text": """RBI cancels Certificates of Registration of nine NBFCs

Press Release: 2024-2025/1873

The Reserve Bank of India (RBI) has, in exercise of powers conferred on it under Section 45-IA (6) of the Reserve Bank of India Act, 1934, cancelled the Certificates of Registration of the following nine non-banking financial companies. The entities shall not transact the business of a non-banking financial institution.

1. Suryodaya Fincap Private Limited, Kolkata
2. Ambika Credit and Holdings Limited, Mumbai
3. Nilgiri Leasing Private Limited, Coimbatore
(The remaining six companies are listed in the annex.)

Separately, the RBI said digital lending apps operating through regulated entities must not disburse loans to a single borrower above Rs 5 lakh without a physical verification. The Bank also imposed a monetary penalty of ₹2.7 crore on a private sector bank for non-compliance with know-your-customer directions.

RBI data show 9,356 registered NBFCs at end-September 2024, with a combined balance sheet of ₹54.8 lakh crore. Unified Payments Interface transactions during December 2024 numbered 16.7 billion, worth ₹23.25 lakh crore.

Puneet Pancholy, Chief General Manager
""",
        "specs": [
            every_agency("RBI", "RBI"),
            count("nine NBFCs", 9, "NBFC", "shutdown"),
            agency("Reserve Bank of India", "RBI", occ=0),
            count("nine non-banking financial companies", 9, "company", "shutdown"),
            count("six companies", 6, "company", "shutdown"),
            money("Rs 5 lakh", 5e5, "INR", "threshold"),
            money("₹2.7 crore", 2.7e7, "INR", "fine"),
            count("9,356 registered NBFCs", 9356, "NBFC", "statistic"),
            money("₹54.8 lakh crore", 54.8e12, "INR", "statistic"),
            count("16.7 billion", 16.7e9, "transaction", "statistic"),
            money("₹23.25 lakh crore", 23.25e12, "INR", "statistic"),
        ],
    },
    {
        "id": "un09",
        "meta": {"published": "2024-08-28", "lang": "en", "style": "central-bank statement"},
        "text": """Notice to the public: Bank of Ghana revokes licences of four microfinance companies

ACCRA - The Bank of Ghana (BoG) has revoked the licences of four microfinance companies with immediate effect, after finding that they were insolvent and had been taking deposits through unregistered agents. The affected institutions held deposits of about GH₵312 million belonging to roughly 58,000 customers.

The BoG has appointed a receiver, who will verify claims and pay depositors from the deposit protection scheme up to a maximum of GH₵20,000 per depositor. The receiver has also blocked 26 accounts held by directors and related parties, with balances of GH₵9.4 million.

The Economic and Organised Crime Office (EOCO) has been asked to investigate the former directors; EOCO said on Tuesday that 11 persons had been invited for questioning.

The Bank noted that the microfinance sector remains small. As at June 2024 there were 137 licensed microfinance companies, whose total assets amounted to GH₵6.1 billion, about 2.3 per cent of banking-sector assets.

Depositors may call the receiver's toll-free line, 0800 100 250, between 8am and 5pm. Bank of Ghana Notice No. BG/GOV/2024/11.
""",
        "specs": [
            agency("Bank of Ghana", "BOG", every=True),
            count("four microfinance companies", 4, "company", "shutdown", every=True),
            every_agency("BoG", "BOG"),
            money("GH₵312 million", 312e6, "GHS", "statistic"),
            count("58,000 customers", 58_000, "customer", "statistic"),
            money("GH₵20,000", 20e3, "GHS", "threshold"),
            count("26 accounts", 26, "account", "freeze"),
            money("GH₵9.4 million", 9.4e6, "GHS", "freeze"),
            agency("Economic and Organised Crime Office", "EOCO"),
            every_agency("EOCO", "EOCO"),
            count("11 persons", 11, "person", "arrest"),
            count("137 licensed microfinance companies", 137, "company", "statistic"),
            money("GH₵6.1 billion", 6.1e9, "GHS", "statistic"),
            percent("2.3 per cent", 2.3),
        ],
    },
    {
        "id": "un10",
        "meta": {"published": "2025-05-14", "lang": "en", "style": "parliamentary written answer"},
        "text": """Money Laundering: Cash Businesses

Question UIN 51207, tabled on 6 May 2025

To ask the Chancellor of the Exchequer, how many businesses HM Revenue and Customs has penalised for failing to register under the money laundering regulations in each of the last three years; and what the total value of those penalties was.

Answered by Ms Carla Denholm, Minister for Financial Services, on 14 May 2025

HMRC supervises around 33,000 businesses for anti-money laundering purposes. The number of businesses penalised for trading while unregistered was:

(a) 2022-23: 412;
(b) 2023-24: 538;
(c) 2024-25: 601.

Of these, 144 were money service businesses and 97 were high value dealers. Penalties in 2024-25 totalled £3.9 million, compared with £2.6 million in 2023-24.

In addition, HMRC referred 29 businesses to the National Crime Agency (NCA) in 2024-25; their combined turnover was approximately £71 million. The NCA does not routinely publish the outcome of referrals.

HM Treasury will publish the annual supervision report in the autumn. I refer the hon. Member to my answer of 3 February 2025, UIN 27714.
""",
        "specs": [
            agency("HM Revenue and Customs", "HMRC"),
            every_agency("HMRC", "HMRC"),
            duration("three years", 3 * YEAR),
            count("33,000 businesses", 33_000, "business", "statistic"),
            count("412", 412, "business", "fine"),
            count("538", 538, "business", "fine"),
            count("601", 601, "business", "fine"),
            count("144", 144, "business", "fine"),
            count("97", 97, "dealer", "fine"),
            money("£3.9 million", 3.9e6, "GBP", "fine"),
            money("£2.6 million", 2.6e6, "GBP", "fine"),
            count("29 businesses", 29, "business", "detection"),
            agency("National Crime Agency", "NCA"),
            every_agency("NCA", "NCA"),
            money("£71 million", 71e6, "GBP", "detection"),
            agency("HM Treasury", "HMT"),
        ],
    },
    {
        "id": "un11",
        "meta": {
            "published": "2025-03-07",
            "lang": "en",
            "style": "parliamentary answer (question on notice)",
        },
        "text": """Senate Economics Legislation Committee - Answers to Questions on Notice

Portfolio: Home Affairs | Question No: AE25-118 | Topic: Remittance sector registrations

Senator asked: How many remittance providers has AUSTRAC removed from the register since 1 July 2022, and how many digital currency exchanges were refused registration?

Answer:

The Australian Transaction Reports and Analysis Centre (AUSTRAC) advises as follows.

1. Since 1 July 2022, AUSTRAC has cancelled the registration of 146 remittance providers. Of these, 38 were independent remittance dealers and 108 were affiliates of remittance network providers.
2. In the same period AUSTRAC refused or suspended 22 applications from digital currency exchanges; their combined reported turnover in the preceding year was A$340 million.
3. AUSTRAC issued 9 infringement notices totalling A$1.46 million.
4. Information on 51 entities was referred to the Australian Federal Police (AFP). The AFP has advised that four of those referrals led to charges.

As at 31 December 2024 the register held 5,120 remittance service providers and 412 digital currency exchange providers. The Committee is reminded that figures before 2022 are not comparable because of changes to the Anti-Money Laundering and Counter-Terrorism Financing Act 2006 reporting rules.
""",
        "specs": [
            every_agency("AUSTRAC", "AUSTRAC"),
            agency("Australian Transaction Reports and Analysis Centre", "AUSTRAC"),
            count("146 remittance providers", 146, "provider", "shutdown"),
            count("38", 38, "dealer", "shutdown"),
            count("108", 108, "affiliate", "shutdown"),
            count("22 applications", 22, "application", "shutdown"),
            money("A$340 million", 340e6, "AUD", "detection"),
            count("9 infringement notices", 9, "notice", "fine"),
            money("A$1.46 million", 1.46e6, "AUD", "fine"),
            count("51 entities", 51, "entity", "detection"),
            agency("Australian Federal Police", "AFP"),
            every_agency("AFP", "AFP"),
            count("5,120 remittance service providers", 5120, "provider", "statistic"),
            count("412 digital currency exchange providers", 412, "provider", "statistic"),
        ],
    },
    {
        "id": "un12",
        "meta": {"published": "2024-12-10", "lang": "en", "style": "parliamentary written answer"},
        "text": """Written Answers: Financial Services - Unauthorised Investment Firms

Question 51883/24 asked of the Minister for Finance on 3 December 2024 about the number of warning notices issued and enforcement actions concluded by the Central Bank of Ireland in 2023 and 2024.

Reply: I am informed by the Central Bank of Ireland as follows.

In 2024 to date the Bank has published warnings about 186 unauthorised firms, compared with 143 in the whole of 2023. Of these, 61 were clone firms impersonating authorised entities. The Bank has also asked internet service providers to remove 34 websites.

The Bank concluded five enforcement actions in 2024, with fines totalling €21.4 million. The largest, €12.1 million, was imposed on a payment institution, and a further €3.3 million on an insurance undertaking. Two individuals were disqualified from holding pre-approval controlled functions for periods of eight and ten years respectively.

Separately, the Criminal Assets Bureau (CAB) obtained orders over funds of €2.9 million linked to investment fraud; the CAB has frozen 17 bank accounts since January.

Irish residents lost an estimated €13 million to investment scams reported to An Garda Síochána in the first nine months of the year. Any person may check the register at www.centralbank.ie or call 1890 777 777.
""",
        "specs": [
            agency("Central Bank of Ireland", "CBI_IE", every=True),
            count("186 unauthorised firms", 186, "firm", "other"),
            count("61", 61, "firm", "other"),
            count("34 websites", 34, "website", "shutdown"),
            count("five enforcement actions", 5, "action", "fine"),
            money("€21.4 million", 21.4e6, "EUR", "fine"),
            money("€12.1 million", 12.1e6, "EUR", "fine"),
            money("€3.3 million", 3.3e6, "EUR", "fine"),
            count("Two individuals", 2, "individual", "other"),
            duration("eight", 8 * YEAR),
            duration("ten years", 10 * YEAR),
            agency("Criminal Assets Bureau", "CAB_IE"),
            every_agency("CAB", "CAB_IE"),
            money("€2.9 million", 2.9e6, "EUR", "freeze"),
            count("17 bank accounts", 17, "account", "freeze"),
            money("€13 million", 13e6, "EUR", "statistic"),
            agency("An Garda Síochána", "GARDA"),
            duration("nine months", 9 * MONTH),
        ],
    },
    {
        "id": "un13",
        "meta": {"published": "2025-07-11", "lang": "en", "style": "other jurisdiction (France)"},
        "text": """French watchdog fines crypto broker and two executives EUR 6 million

PARIS, July 11 - France's Autorité des marchés financiers (AMF) has fined the Paris-based crypto-asset broker Lumen Actifs EUR 4.5 million and two former executives a combined EUR 1.5 million, the regulator's enforcement committee said in a decision published on Friday.

The AMF found that between 2021 and 2023 the firm marketed leveraged tokens to 27,000 retail clients without the registration required for such products and paid 14 influencers to promote them on social media. Client losses were put at EUR 38 million.

The case began with a report from Tracfin, the intelligence unit of the Ministry of the Economy. Tracfin flagged 312 suspicious transfers to accounts in Lithuania and Estonia, and prosecutors in Paris opened a criminal investigation in 2024. The AMF also banned the firm's former chief executive from the profession for 10 years.

The Ministries of the Economy and of the Interior said in a joint statement that police had taken down 126 fraudulent trading websites and 40 social media accounts in the first half of 2025, and that reported losses from such schemes fell 9% year on year.

The company, which employed 85 people at its peak, said it would appeal to the Conseil d'Etat within two months. Its press office can be reached on +33 1 53 45 60 00.
""",
        "specs": [
            count("two executives", 2, "executive", "fine"),
            money("EUR 6 million", 6e6, "EUR", "fine"),
            agency("Autorité des marchés financiers", "AMF_FR"),
            every_agency("AMF", "AMF_FR"),
            money("EUR 4.5 million", 4.5e6, "EUR", "fine"),
            count("two former executives", 2, "executive", "fine"),
            money("EUR 1.5 million", 1.5e6, "EUR", "fine"),
            count("27,000 retail clients", 27_000, "client", "detection"),
            count("14 influencers", 14, "influencer", "detection"),
            money("EUR 38 million", 38e6, "EUR", "detection"),
            every_agency("Tracfin", "TRACFIN"),
            agency("Ministry of the Economy", "FR_MINECO"),
            count("312 suspicious transfers", 312, "transfer", "detection"),
            duration("10 years", 10 * YEAR),
            agency("Ministries of the Economy", "FR_MINECO"),
            agency("Interior", "FR_MININT"),
            count("126 fraudulent trading websites", 126, "website", "shutdown"),
            count("40 social media accounts", 40, "account", "shutdown"),
            percent("9%", 9),
            count("85 people", 85, "person", "statistic"),
            agency("Conseil d'Etat", "CE_FR"),
            duration("two months", 2 * MONTH),
        ],
    },
    {
        "id": "un14",
        "meta": {"published": "2024-10-23", "lang": "en", "style": "other jurisdiction (Spain)"},
        "text": """Spanish police dismantle network of money-transfer outlets that moved EUR 220 million

MADRID - The Guardia Civil, working with the Servicio Ejecutivo de la Comisión de Prevención del Blanqueo de Capitales (SEPBLAC), has dismantled a network that used 48 money-transfer outlets in Madrid, Barcelona and Valencia to send about EUR 220 million to China and Colombia, the force's press office said on Wednesday.

Officers arrested 31 people and searched 19 properties, seizing EUR 2.6 million in cash, 11 vehicles and jewellery. An investigating judge at the Audiencia Nacional ordered the freezing of 73 bank accounts holding EUR 4.1 million and the provisional closure of the outlets.

According to SEPBLAC, the outlets split transfers into amounts just under the EUR 1,000 identification threshold. The Banco de España (BdE), which licenses payment institutions, said it had opened sanctioning proceedings against two payment institutions that acted as principals for the outlets; the BdE can impose fines of up to 10% of annual turnover.

The Ministries of Finance and of the Interior said the operation, codenamed "Locutorio", was the largest of its kind since 2019. Spain has around 2,300 registered payment agents, according to BdE figures.

The suspects, aged between 24 and 67, face charges of money laundering and membership of a criminal organisation, which carry sentences of up to six years.
""",
        "specs": [
            money("EUR 220 million", 220e6, "EUR", "detection", every=True),
            agency("Guardia Civil", "GC_ES"),
            agency("Servicio Ejecutivo de la Comisión de Prevención del Blanqueo de Capitales", "SEPBLAC"),
            every_agency("SEPBLAC", "SEPBLAC"),
            count("48 money-transfer outlets", 48, "outlet", "shutdown"),
            count("31 people", 31, "person", "arrest"),
            count("19 properties", 19, "property", "other"),
            money("EUR 2.6 million", 2.6e6, "EUR", "seizure"),
            count("11 vehicles", 11, "vehicle", "seizure"),
            agency("Audiencia Nacional", "AN"),
            count("73 bank accounts", 73, "account", "freeze"),
            money("EUR 4.1 million", 4.1e6, "EUR", "freeze"),
            money("EUR 1,000", 1000, "EUR", "threshold"),
            agency("Banco de España", "BDE"),
            every_agency("BdE", "BDE"),
            count("two payment institutions", 2, "institution", "fine"),
            percent("10%", 10),
            agency("Ministries of Finance", "ES_MINFIN"),
            agency("Interior", "ES_MININT"),
            count("2,300 registered payment agents", 2300, "agent", "statistic"),
            duration("six years", 6 * YEAR),
        ],
    },
    {
        "id": "un15",
        "meta": {"published": "2025-10-02", "lang": "en", "style": "other jurisdiction (Germany)"},
        "text": """German prosecutors charge 12 over 'CFO fraud' and fake trading apps

FRANKFURT, Oct 2 - The Public Prosecutor's Office in Frankfurt am Main has charged 12 people over a fraud ring that impersonated chief financial officers and ran fake investment apps, the office's press unit announced on Thursday. The Federal Criminal Police Office (Bundeskriminalamt, BKA) said the group caused losses of at least EUR 58 million.

Investigators say the suspects sent emails in the names of CFOs of 230 mid-sized companies, persuading accounting staff to wire money to accounts in Hong Kong and Dubai. Three CFOs whose names were used are witnesses in the case. A second branch of the ring promoted 140 apps and messenger channels offering trading in crypto assets; about 9,500 investors deposited money.

Germany's financial watchdog, the Bundesanstalt für Finanzdienstleistungsaufsicht (BaFin), ordered 17 apps to be shut down in 2024 and published warnings about the rest. The Financial Intelligence Unit (FIU) at the customs administration received 1,870 suspicious activity reports connected to the ring.

Authorities have frozen EUR 7.3 million and seized 2 kilograms of gold bars and 5 luxury watches. If convicted, the accused face up to ten years in prison. The trial before the Frankfurt Regional Court is expected to start in early 2026; the court's press office can be reached on 069 1367 01.

BaFin said it had received 28% more consumer complaints about trading apps in 2024 than in 2023.
""",
        "specs": [
            count("12", 12, "person", "arrest", occ=0),
            agency("Public Prosecutor's Office in Frankfurt am Main", "STA_FFM"),
            count("12 people", 12, "person", "arrest"),
            agency("Federal Criminal Police Office", "BKA"),
            agency("Bundeskriminalamt", "BKA"),
            agency("BKA", "BKA"),
            money("EUR 58 million", 58e6, "EUR", "detection"),
            count("230 mid-sized companies", 230, "company", "detection"),
            count("Three CFOs", 3, "CFO", "other"),
            count("140 apps and messenger channels", 140, "app", "detection"),
            count("9,500 investors", 9500, "investor", "detection"),
            agency("Bundesanstalt für Finanzdienstleistungsaufsicht", "BAFIN"),
            every_agency("BaFin", "BAFIN"),
            count("17 apps", 17, "app", "shutdown"),
            count("1,870 suspicious activity reports", 1870, "report", "detection"),
            agency("Financial Intelligence Unit", "FIU_DE"),
            agency("FIU", "FIU_DE"),
            money("EUR 7.3 million", 7.3e6, "EUR", "freeze"),
            count("5 luxury watches", 5, "watch", "seizure"),
            duration("ten years", 10 * YEAR),
            agency("Frankfurt Regional Court", "LG_FFM"),
            percent("28%", 28),
        ],
    },
    {
        "id": "un16",
        "meta": {"published": "2025-12-04", "lang": "en", "style": "other jurisdiction (Luxembourg)"},
        "text": """Luxembourg regulator fines three trust companies over beneficial-ownership failures

LUXEMBOURG - The Commission de Surveillance du Secteur Financier (CSSF) has imposed administrative fines totalling EUR 2.35 million on three trust companies and withdrawn the professional authorisation of a fourth, the regulator announced in a series of notices published on Thursday.

The CSSF's on-site inspections covered 1,150 client structures. Inspectors found that for 260 of them the trust companies held no verified information on the ultimate beneficial owner, and that 12 domiciliation agreements had been signed with companies already subject to sanctions.

The largest single fine, EUR 1.2 million, was levied on a trust company that also acted as director of 84 special purpose vehicles. Under the amended law of 12 November 2004, the CSSF may impose fines of up to EUR 5 million or 10% of annual turnover.

The CSSF passed its findings to the Cellule de renseignement financier (CRF), Luxembourg's financial intelligence unit. The CRF said it had received 143 suspicious transaction reports from the sector in 2024.

Luxembourg's 97 authorised corporate service providers administer more than 40,000 companies with combined assets estimated at EUR 3.8 trillion, according to sector statistics.
""",
        "specs": [
            count("three trust companies", 3, "company", "fine", every=True),
            agency("Commission de Surveillance du Secteur Financier", "CSSF"),
            every_agency("CSSF", "CSSF"),
            money("EUR 2.35 million", 2.35e6, "EUR", "fine"),
            count("1,150 client structures", 1150, "structure", "other"),
            count("12 domiciliation agreements", 12, "agreement", "detection"),
            money("EUR 1.2 million", 1.2e6, "EUR", "fine"),
            count("84 special purpose vehicles", 84, "vehicle", "other"),
            money("EUR 5 million", 5e6, "EUR", "threshold"),
            percent("10%", 10),
            agency("Cellule de renseignement financier", "CRF_LU"),
            every_agency("CRF", "CRF_LU"),
            count("143 suspicious transaction reports", 143, "report", "statistic"),
            count("97 authorised corporate service providers", 97, "provider", "statistic"),
            count("40,000 companies", 40_000, "company", "statistic"),
            money("EUR 3.8 trillion", 3.8e12, "EUR", "statistic"),
        ],
    },
]
