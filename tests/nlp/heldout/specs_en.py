"""Held-out English documents ho01-ho10, written for this set in deliberately varied styles."""

# ruff: noqa: E501  (each paragraph of a document is one line of its text)

from specs import MONTH, WEEK, YEAR, agency, count, duration, every_agency, money, percent, restated

DOCS = [
    {
        "id": "ho01",
        "meta": {"published": "2024-03-14", "lang": "en"},
        "text": """Australian court hits crypto lender with A$45 million penalty

SYDNEY, March 14 (Regintel Wire) - The Federal Court of Australia on Thursday ordered Melbourne-based crypto lender Blockvault Finance to pay a A$45 million ($29.6 million) penalty, siding with the Australian Securities and Investments Commission (ASIC), which had argued that the firm ran an unlicensed yield product.

The product took in more than A$300 million from roughly 8,900 retail investors between 2021 and 2023, ASIC told the court. Justice Helen Marsh also disqualified two former directors from managing corporations, one for seven years and the other for five years.

"Calling something a digital asset does not put it outside the law," ASIC deputy chair Daniel Okafor said. The regulator filed the case in September 2022 under section 911A of the Corporations Act 2001.

Separately, the Australian Transaction Reports and Analysis Centre, known as AUSTRAC, is examining 1,200 transactions the lender allegedly failed to report, according to a person familiar with the matter. AUSTRAC declined to comment.

Blockvault, which has about 140 employees, said it was disappointed and had 28 days to decide whether to appeal. Investors have already been repaid 62% of their balances through a court-supervised process.

(Reporting by Tom Reyes; Editing by Clare Nguyen)
""",
        "specs": [
            money("A$45 million", 45e6, "AUD", "fine", occ=0),
            agency("Federal Court of Australia", "FCOURT_AU"),
            money("A$45 million", 45e6, "AUD", "fine", usd=29.6e6, occ=1),
            restated("$29.6 million", 29.6e6, "USD"),
            agency("Australian Securities and Investments Commission", "ASIC"),
            every_agency("ASIC", "ASIC"),
            money("A$300 million", 300e6, "AUD", "detection"),
            count("8,900 retail investors", 8900, "investor", "detection"),
            count("two former directors", 2, "director", "other"),
            duration("seven years", 7 * YEAR),
            duration("five years", 5 * YEAR),
            agency("Australian Transaction Reports and Analysis Centre", "AUSTRAC"),
            every_agency("AUSTRAC", "AUSTRAC"),
            count("1,200 transactions", 1200, "transaction", "detection"),
            count("140 employees", 140, "employee", "statistic"),
            duration("28 days", 28),
            percent("62%", 62),
        ],
    },
    {
        "id": "ho02",
        "meta": {"published": "2024-10-09", "lang": "en"},
        "text": """MAS Imposes Composition Penalties Totalling S$3.8 Million on Four Financial Institutions

Singapore, 9 October 2024 | Ref: ENF/2024/118

1. The Monetary Authority of Singapore (MAS) has imposed composition penalties totalling S$3.8 million on four financial institutions for breaches of its anti-money laundering and countering the financing of terrorism requirements. The breaches were identified in the course of MAS's supervisory reviews following the S$3 billion money laundering case uncovered by the Singapore Police Force in August 2023.

2. The largest penalty, S$1.4 million, was imposed on a private bank that did not establish the source of wealth of 11 customers before accepting their funds. A second bank was penalised S$870,000 for inadequate monitoring of transactions over a period of 18 months.

3. MAS has further issued prohibition orders against three former relationship managers, ranging from five years to ten years.

4. Separately, the Accounting and Corporate Regulatory Authority (ACRA) has struck off 37 shell companies linked to the case.

5. The financial institutions have taken remedial measures and must report their progress to MAS every six months. Members of the public with information may call the MAS hotline at 6225 5577.

***
About the Monetary Authority of Singapore: MAS is the central bank and integrated financial regulator of Singapore.
""",
        "specs": [
            every_agency("MAS", "MAS"),
            money("S$3.8 Million", 3.8e6, "SGD", "fine"),
            count("Four Financial Institutions", 4, "institution", "fine"),
            agency("Monetary Authority of Singapore", "MAS", every=True),
            money("S$3.8 million", 3.8e6, "SGD", "fine"),
            count("four financial institutions", 4, "institution", "fine"),
            money("S$3 billion", 3e9, "SGD", "detection"),
            agency("Singapore Police Force", "SPF"),
            money("S$1.4 million", 1.4e6, "SGD", "fine"),
            count("11 customers", 11, "customer", "detection"),
            money("S$870,000", 870e3, "SGD", "fine"),
            duration("18 months", 18 * MONTH),
            count("three former relationship managers", 3, "manager", "other"),
            duration("five years", 5 * YEAR),
            duration("ten years", 10 * YEAR),
            agency("Accounting and Corporate Regulatory Authority", "ACRA"),
            every_agency("ACRA", "ACRA"),
            count("37 shell companies", 37, "company", "dissolution"),
            duration("six months", 6 * MONTH),
        ],
    },
    {
        "id": "ho03",
        "meta": {"published": "2024-06-21", "lang": "en"},
        "text": """Hong Kong cops bust HK$3.2bn crypto laundering ring

By Max Leung · 3 min read · Updated 14:05 HKT

Another week, another mega-bust. Hong Kong Police say they've taken down a syndicate that pushed a whopping HK$3.2bn (about US$410 million) through fake OTC desks and a dozen mule accounts since early 2022.

Per the cops, 27 people were arrested, aged between 19 and 61, including a 45-year-old alleged ringleader. Officers froze USDT 2.1 million sitting in hot wallets and seized 0.5 BTC plus HK$8.6 million in cash.

The Securities and Futures Commission (SFC) chimed in too: the SFC has ordered four unlicensed platforms offline and says it has blocked 16 websites so far this year. Remember JPEX? That fiasco cost investors some HK$1.6 billion.

Meanwhile over in Japan, the Financial Services Agency slapped a business improvement order on an exchange that lost ¥12 billion in a hack last May, roughly 7% of customer assets. Users there waited nearly three weeks for withdrawals to reopen.

Our take: regulators across Asia are done playing nice. Expect more of this in Q3.

Not financial advice. DYOR.

Tags: HongKong, crypto, AML | Share | 12 comments
""",
        "specs": [
            money("HK$3.2bn", 3.2e9, "HKD", "detection", occ=0),
            agency("Hong Kong Police", "HKPF"),
            money("HK$3.2bn", 3.2e9, "HKD", "detection", usd=410e6, occ=1),
            restated("US$410 million", 410e6, "USD"),
            count("a dozen mule accounts", 12, "account", "detection"),
            count("27 people", 27, "person", "arrest"),
            money("USDT 2.1 million", 2.1e6, "USDT", "freeze"),
            money("0.5 BTC", 0.5, "BTC", "seizure"),
            money("HK$8.6 million", 8.6e6, "HKD", "seizure"),
            agency("Securities and Futures Commission", "SFC_HK"),
            every_agency("SFC", "SFC_HK"),
            count("four unlicensed platforms", 4, "platform", "shutdown"),
            count("16 websites", 16, "website", "shutdown"),
            money("HK$1.6 billion", 1.6e9, "HKD", "detection"),
            agency("Financial Services Agency", "JFSA"),
            money("¥12 billion", 12e9, "JPY", "detection"),
            percent("7%", 7),
            duration("three weeks", 3 * WEEK),
        ],
    },
    {
        "id": "ho04",
        "meta": {"published": "2025-02-11", "lang": "en"},
        "text": """FCA fines payments firm £11.2m and bans former chief executive

The Financial Conduct Authority has fined London-based payments company Paylane Ltd (FRN 612345) £11,247,300 for failing to check where money flowing through 3,400 merchant accounts came from, the City watchdog said on Tuesday.

Paylane qualified for a 30% discount for settling early; without it the penalty would have been £16.1m. Its former chief executive, 52-year-old Mark Denholm, was fined £420,000 and banned from holding any senior role in financial services. He has referred his case to the Upper Tribunal.

According to the FCA's final notice, between 1 January 2019 and 30 June 2021 the firm processed more than £1.7bn of card payments for merchants whose activities it had never verified. Staff raised concerns on at least two occasions, but the warnings were not escalated.

The firm must appoint a skilled person and report to the FCA every three months for two years. The Prudential Regulation Authority (PRA), which supervises Paylane's banking partner, is conducting a separate review.

"Firms that move other people's money must know whose money it is," said Helen Okoye, the FCA's joint executive director of enforcement and market oversight.

Paylane said it accepted the findings and had since replaced its entire board.
""",
        "specs": [
            every_agency("FCA", "FCA_UK"),
            money("£11.2m", 11.2e6, "GBP", "fine"),
            agency("Financial Conduct Authority", "FCA_UK"),
            money("£11,247,300", 11_247_300, "GBP", "fine"),
            count("3,400 merchant accounts", 3400, "account", "detection"),
            percent("30%", 30),
            money("£16.1m", 16.1e6, "GBP", "fine"),
            money("£420,000", 420e3, "GBP", "fine"),
            agency("Upper Tribunal", "UT_UK"),
            money("£1.7bn", 1.7e9, "GBP", "detection"),
            count("two occasions", 2, "occasion", "other"),
            duration("three months", 3 * MONTH),
            duration("two years", 2 * YEAR),
            agency("Prudential Regulation Authority", "PRA"),
            every_agency("PRA", "PRA"),
        ],
    },
    {
        "id": "ho05",
        "meta": {"published": "2024-08-02", "lang": "en"},
        "text": """ED attaches assets worth Rs 120 crore in online betting app probe

New Delhi: The Directorate of Enforcement (ED) has provisionally attached movable and immovable properties worth Rs 120 crore belonging to the promoters of an illegal online betting application, the agency said on Friday.

The attachment, made under the Prevention of Money Laundering Act, 2002, covers 14 flats in Mumbai and Pune, bank balances of ₹38.6 crore and gold weighing 9 kg. According to the ED, the app collected deposits of over Rs 2,400 crore from nearly 1.2 lakh users before it was blocked in 2023.

The probe began with an FIR registered by the Kolkata Police under sections 420 and 120B of the Indian Penal Code. So far six persons have been arrested, including two chartered accountants, and a special court in Mumbai has remanded the main accused to ED custody for 10 days.

In a parallel action, the Securities and Exchange Board of India barred three finfluencers who promoted the app from the securities market for two years and ordered them to disgorge ₹45 lakh with interest at 12 per cent a year.

Shares of a listed payment aggregator that processed the app's collections fell 4.5 per cent on Friday.
""",
        "specs": [
            every_agency("ED", "ED_IN"),
            money("Rs 120 crore", 120e7, "INR", "freeze", every=True),
            agency("Directorate of Enforcement", "ED_IN"),
            count("14 flats", 14, "flat", "freeze"),
            money("₹38.6 crore", 38.6e7, "INR", "freeze"),
            money("Rs 2,400 crore", 2400e7, "INR", "detection"),
            count("1.2 lakh users", 120_000, "user", "detection"),
            agency("Kolkata Police", "KOLKATA_POLICE"),
            count("six persons", 6, "person", "arrest"),
            count("two chartered accountants", 2, "accountant", "arrest"),
            duration("10 days", 10),
            agency("Securities and Exchange Board of India", "SEBI"),
            count("three finfluencers", 3, "finfluencer", "other"),
            duration("two years", 2 * YEAR),
            money("₹45 lakh", 45e5, "INR", "fine"),
            percent("12 per cent", 12),
            percent("4.5 per cent", 4.5),
        ],
    },
    {
        "id": "ho06",
        "meta": {"published": "2024-11-27", "lang": "en"},
        "text": """EFCC recovers ₦2.5 billion from Ponzi promoters, arraigns seven

ABUJA — The Economic and Financial Crimes Commission (EFCC) says it has recovered ₦2.5 billion (about $1.6 million) from promoters of a collapsed crypto investment scheme, and has arraigned seven suspects before the Federal High Court in Lagos.

Commission spokesman Tunde Bakare told journalists on Wednesday that the scheme, which promised returns of 40 per cent a month, took in about N18 billion from more than 30,000 subscribers before it stopped paying out in April. Operatives also seized a duplex in Abuja valued at N250 million. A further one billion naira in property is under interim forfeiture.

The Securities and Exchange Commission, Nigeria, had declared the platform illegal in 2022. Acting on a request from the EFCC, the Central Bank of Nigeria (CBN) directed commercial banks to place a post-no-debit restriction on 41 accounts linked to the promoters. The CBN also warned that dealing in such schemes violates its 2021 circular.

All seven defendants pleaded not guilty. Justice Amina Yusuf remanded them in custody and fixed the bail hearing for two weeks' time.

Members of the public can report suspicious investment schemes to the EFCC on 0809 332 2644.
""",
        "specs": [
            every_agency("EFCC", "EFCC"),
            money("₦2.5 billion", 2.5e9, "NGN", "recovery", occ=0),
            agency("Economic and Financial Crimes Commission", "EFCC"),
            money("₦2.5 billion", 2.5e9, "NGN", "recovery", usd=1.6e6, occ=1),
            restated("$1.6 million", 1.6e6, "USD"),
            count("seven suspects", 7, "suspect", "arrest"),
            agency("Federal High Court", "FHC_NG"),
            percent("40 per cent", 40),
            money("N18 billion", 18e9, "NGN", "detection"),
            count("30,000 subscribers", 30_000, "subscriber", "detection"),
            money("N250 million", 250e6, "NGN", "seizure"),
            money("one billion naira", 1e9, "NGN", "freeze"),
            agency("Securities and Exchange Commission", "SEC_NG"),
            agency("Central Bank of Nigeria", "CBN"),
            every_agency("CBN", "CBN"),
            count("41 accounts", 41, "account", "freeze"),
            count("seven defendants", 7, "defendant", "arrest"),
            duration("two weeks", 2 * WEEK),
        ],
    },
    {
        "id": "ho07",
        "meta": {"published": "2024-10-07", "lang": "en"},
        "text": """Dubai's VARA fines 19 firms for unlicensed crypto activity

DUBAI, 7 October — Dubai's Virtual Assets Regulatory Authority (VARA) has fined 19 companies between AED 100,000 and AED 600,000 each for offering virtual-asset services without a licence and for breaching its marketing rules, the regulator said on Monday.

All 19 were ordered to stop operating immediately. VARA said it was working with the UAE Ministries of Economy and Justice to trace the entities' owners, some of whom are based abroad.

In a separate move, the Central Bank of the UAE (CBUAE) imposed a financial sanction of AED 5.6 million (US$1.52 million) on an exchange house over weaknesses in its sanctions screening. The exchange house has six months to complete a remediation plan approved by the CBUAE.

The Dubai Financial Services Authority, which supervises firms in the DIFC free zone, also fined a brokerage Dh1.05 million for misleading clients about leverage of up to 1:500.

Dubai now has more than 25 licensed virtual-asset service providers, and the emirate's share of regional crypto trading volume rose to about 18% last year, according to industry estimates.

For enquiries, VARA can be reached at +971 4 000 0000.
""",
        "specs": [
            every_agency("VARA", "VARA"),
            count("19 firms", 19, "firm", "fine"),
            agency("Virtual Assets Regulatory Authority", "VARA"),
            count("19 companies", 19, "company", "fine"),
            money("AED 100,000", 100e3, "AED", "fine"),
            money("AED 600,000", 600e3, "AED", "fine"),
            agency("Ministries of Economy", "UAE_MOE"),
            agency("Justice", "UAE_MOJ"),
            agency("Central Bank of the UAE", "CBUAE"),
            every_agency("CBUAE", "CBUAE"),
            money("AED 5.6 million", 5.6e6, "AED", "fine", usd=1.52e6),
            restated("US$1.52 million", 1.52e6, "USD"),
            duration("six months", 6 * MONTH),
            agency("Dubai Financial Services Authority", "DFSA"),
            money("Dh1.05 million", 1.05e6, "AED", "fine"),
            count("25 licensed virtual-asset service providers", 25, "provider", "statistic"),
            percent("18%", 18),
        ],
    },
    {
        "id": "ho08",
        "meta": {"published": "2025-01-16", "lang": "en"},
        "text": """FINTRAC penalizes Toronto money services business C$1.1 million

OTTAWA – The Financial Transactions and Reports Analysis Centre of Canada (FINTRAC) has imposed an administrative monetary penalty of C$1,109,250 on a Toronto money services business for failing to report 212 large virtual currency transactions and for gaps in its compliance program, according to a notice published on Thursday.

It is the fourth penalty FINTRAC has announced since the fiscal year began on April 1. The business has 30 days to appeal the decision to the Federal Court.

FINTRAC said it received more than 31 million reports in the 2023-24 fiscal year, up 18% from the year before, and made 2,085 disclosures of financial intelligence to police and other partners.

Meanwhile, the Ontario Securities Commission (OSC) approved a settlement under which a crypto trading platform will pay C$2.5 million and return about C$14 million (US$10.3 million) to Ontario clients. The British Columbia Securities Commission issued a cease-trade order against two offshore sites that had solicited investors in the province.

The OSC said investors who believe they are owed money should contact the platform's administrator before March 31, 2025.

Notice No. 2025-004
""",
        "specs": [
            every_agency("FINTRAC", "FINTRAC"),
            money("C$1.1 million", 1.1e6, "CAD", "fine"),
            agency("Financial Transactions and Reports Analysis Centre of Canada", "FINTRAC"),
            money("C$1,109,250", 1_109_250, "CAD", "fine"),
            count("212 large virtual currency transactions", 212, "transaction", "fine"),
            duration("30 days", 30),
            agency("Federal Court", "FCOURT_CA"),
            count("31 million reports", 31e6, "report", "statistic"),
            percent("18%", 18),
            count("2,085 disclosures", 2085, "disclosure", "statistic"),
            agency("Ontario Securities Commission", "OSC"),
            every_agency("OSC", "OSC"),
            money("C$2.5 million", 2.5e6, "CAD", "fine"),
            money("C$14 million", 14e6, "CAD", "recovery", usd=10.3e6),
            restated("US$10.3 million", 10.3e6, "USD"),
            agency("British Columbia Securities Commission", "BCSC"),
            count("two offshore sites", 2, "site", "shutdown"),
        ],
    },
    {
        "id": "ho09",
        "meta": {"published": "2024-07-02", "lang": "en"},
        "text": """Judgment summary: Federal Criminal Court, case SK.2023.17 (former private banker)

Court: Federal Criminal Court, Bellinzona, Criminal Chamber
Date of judgment: 19 June 2024
Parties: Office of the Attorney General of Switzerland (OAG) v. A. (born 1971) and B. AG

Facts. Between 2011 and 2016 the accused A., a relationship manager at a Geneva private bank (B. AG), helped a foreign official move about CHF 48 million of misappropriated public funds through 23 accounts held by offshore companies. The Swiss Financial Market Supervisory Authority (FINMA) had closed its own enforcement proceedings against the bank in 2019.

Holding. The court convicted A. of aggravated money laundering on 14 counts and sentenced him to 36 months' imprisonment, 30 months of which are suspended for a probation period of two years. B. AG was fined CHF 4m under Article 102 of the Swiss Criminal Code for organisational deficiencies and ordered to pay a compensatory claim of CHF 18.2 million to the Confederation. The court also ordered the confiscation of CHF 9.7 million frozen by the OAG since 2017.

Costs. Procedural costs of CHF 85,000 are borne by the accused.

Appeal. The judgment is not final; it may be appealed to the Federal Supreme Court within 30 days of notification.
""",
        "specs": [
            agency("Federal Criminal Court", "FCC_CH", every=True),
            agency("Office of the Attorney General of Switzerland", "OAG_CH"),
            every_agency("OAG", "OAG_CH"),
            money("CHF 48 million", 48e6, "CHF", "detection"),
            count("23 accounts", 23, "account", "detection"),
            agency("Swiss Financial Market Supervisory Authority", "FINMA"),
            every_agency("FINMA", "FINMA"),
            count("14 counts", 14, "count", "arrest"),
            duration("36 months", 36 * MONTH),
            duration("30 months", 30 * MONTH),
            duration("two years", 2 * YEAR),
            money("CHF 4m", 4e6, "CHF", "fine"),
            money("CHF 18.2 million", 18.2e6, "CHF", "fine"),
            money("CHF 9.7 million", 9.7e6, "CHF", "seizure"),
            money("CHF 85,000", 85e3, "CHF", "fine"),
            agency("Federal Supreme Court", "FSC_CH"),
            duration("30 days", 30),
        ],
    },
    {
        "id": "ho10",
        "meta": {"published": "2024-05-22", "lang": "en"},
        "text": """Treasury Sanctions Network That Laundered Proceeds of Rhino Horn Trafficking

Press release JY-2461 | May 22, 2024

WASHINGTON — Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) is sanctioning seven individuals and four entities in South Africa, Mozambique and Vietnam that laundered the proceeds of rhino horn trafficking. Since 2019 the network has moved more than R350 million (approximately $19 million) through front companies, cash couriers and informal value transfer systems.

South Africa lost 499 rhinos to poaching in 2023 alone. The network's leader, a 45-year-old national of Mozambique, used a chain of 12 butcheries and a transport business to mix criminal proceeds with legitimate takings.

This action was taken in close coordination with the Departments of State and Homeland Security, and with South Africa's Financial Intelligence Centre (FIC) and the Directorate for Priority Crime Investigation, known as the Hawks. The FIC has frozen R42 million held in 63 bank accounts.

As a result of today's action, all property and interests in property of the designated persons that are in the United States are blocked and must be reported to OFAC within 10 days. Violations may lead to civil penalties of up to $377,700 per violation.

Media contact: (202) 622-2960
""",
        "specs": [
            agency("Treasury", "UST", occ=0),
            agency("U.S. Department of the Treasury", "UST"),
            agency("Office of Foreign Assets Control", "OFAC"),
            every_agency("OFAC", "OFAC"),
            count("seven individuals", 7, "individual", "other"),
            count("four entities", 4, "entity", "other"),
            money("R350 million", 350e6, "ZAR", "detection", usd=19e6),
            restated("$19 million", 19e6, "USD"),
            count("499 rhinos", 499, "rhino", "statistic"),
            count("12 butcheries", 12, "butchery", "detection"),
            agency("Departments of State", "DOS"),
            agency("Homeland Security", "DHS"),
            agency("Financial Intelligence Centre", "FIC_ZA"),
            every_agency("FIC", "FIC_ZA"),
            agency("Directorate for Priority Crime Investigation", "DPCI"),
            agency("Hawks", "DPCI"),
            money("R42 million", 42e6, "ZAR", "freeze"),
            count("63 bank accounts", 63, "account", "freeze"),
            duration("10 days", 10),
            money("$377,700", 377_700, "USD", "threshold"),
        ],
    },
    {
        "id": "ho18",
        "meta": {"published": "2025-02-12", "lang": "en"},
        "text": """Regulators in Ontario and British Columbia act against unregistered trading apps

TORONTO, 12 February 2025 — The British Columbia Securities Commission said on Tuesday that it had ordered three unregistered trading apps to shut down, and it banned two promoters behind them from the market for a year and a half.

Separately, the Capital Markets Tribunal fined one promoter C$450,000, while the Ontario Securities Commission said it had frozen C$2.1 million held in accounts linked to the apps. Assets worth about C$600,000 were also restrained by the Royal Canadian Mounted Police.

Investigators said the apps took in more than C$9 million from about 1,800 investors in the 2023-24 fiscal year. One and a half years of trading records were handed to prosecutors, and the firms have half a year to repay clients.

The Financial Consumer Agency of Canada (FCAC) said it would review how banks handled the payments. FCAC staff have identified four payment processors used by the apps.

12 comments
""",
        "specs": [
            agency("British Columbia Securities Commission", "BCSC"),
            count("three unregistered trading apps", 3, "app", "shutdown"),
            count("two promoters", 2, "promoter", "shutdown"),
            duration("a year and a half", 1.5 * YEAR),
            agency("Capital Markets Tribunal", "CMT_CA"),
            count("one promoter", 1, "promoter", "fine"),
            money("C$450,000", 450_000, "CAD", "fine"),
            agency("Ontario Securities Commission", "OSC"),
            money("C$2.1 million", 2.1e6, "CAD", "freeze"),
            money("C$600,000", 600_000, "CAD", "freeze"),
            agency("Royal Canadian Mounted Police", "RCMP"),
            money("C$9 million", 9e6, "CAD", "detection"),
            count("1,800 investors", 1800, "investor", "detection"),
            duration("One and a half years", 1.5 * YEAR),
            duration("half a year", 0.5 * YEAR),
            agency("Financial Consumer Agency of Canada", "FCAC"),
            every_agency("FCAC", "FCAC"),
            count("four payment processors", 4, "processor", "detection"),
        ],
    },
]
