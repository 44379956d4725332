"""The measure of each money/count fact comes from the trigger words of its own clause."""

from __future__ import annotations

import pytest

from nlp import Extractor

EX = Extractor()


def actions(text: str) -> dict[str, str | None]:
    return {f.text: f.action for f in EX.extract(text, None, None).facts if f.kind in ("money", "count")}


@pytest.mark.parametrize(
    ("text", "fact", "action"),
    [
        ("Officers confiscated $2 million in cash.", "$2 million", "seizure"),
        ("The court froze $870 million held abroad.", "$870 million", "freeze"),
        ("The regulator fined the lender €3.3 million.", "€3.3 million", "fine"),
        ("The ministry blocked 300 websites.", "300 websites", "shutdown"),
        ("Tax officials dissolved 3,600 shell firms.", "3,600 shell firms", "dissolution"),
        ("Auditors uncovered 81 underground networks.", "81 underground networks", "detection"),
        ("The state recovered 13 billion tenge.", "13 billion tenge", "recovery"),
        ("Police arrested 24 officials.", "24 officials", "arrest"),
        ("Card top-ups above the limit of 500,000 KZT need an ID.", "500,000 KZT", "threshold"),
        ("Cash withdrawals totalled $24.1 billion.", "$24.1 billion", "statistic"),
        ("ГКНБ задержал 20 сотрудников таможни.", "20 сотрудников", "arrest"),
        ("АФМ заблокировало 300 чатов.", "300 чатов", "shutdown"),
        ("Пострадавшим возмещено 13 млрд тенге.", "13 млрд тенге", "recovery"),
        ("Банк оштрафовали на 5 млн рублей.", "5 млн рублей", "fine"),
        # a copula passes on the action of its subject
        ("Ущерб составил 8,4 млрд сумов.", "8,4 млрд сумов", "detection"),
        ("Оборот пирамиды составил 2 млрд тенге.", "2 млрд тенге", "detection"),
        ("Объём операций составил 5 млрд тенге.", "5 млрд тенге", "statistic"),
        ("Losses totalled $5 million.", "$5 million", "detection"),
        ("Deposits reached $5 million.", "$5 million", "statistic"),
    ],
)
def test_trigger_in_clause(text: str, fact: str, action: str) -> None:
    assert actions(text)[fact] == action


@pytest.mark.parametrize(
    ("text", "fact", "action"),
    [
        # attachment, restrictions on accounts and arrest of property are freezes
        ("Investigators provisionally attached land worth Rs 45 crore.", "Rs 45 crore", "freeze"),
        ("Следователи арестовали имущество на 40 млн рублей.", "40 млн рублей", "freeze"),
        ("Суд наложил арест на 75 млн рублей на счетах компании.", "75 млн рублей", "freeze"),
        ("Регулятор ограничил операции по 15 счетам фирмы.", "15 счетам", "freeze"),
        ("Banks put a post-no-debit restriction on 9 accounts of the promoters.", "9 accounts", "freeze"),
        ("Another $5 million in shares is under interim forfeiture.", "$5 million", "freeze"),
        # turnover, damage and illicit flows of a scheme are detection
        ("The pyramid scheme took in $80 million from savers.", "$80 million", "detection"),
        ("The collapse cost depositors about £3 million.", "£3 million", "detection"),
        ("Couriers moved more than $12 million across the border.", "$12 million", "detection"),
        ("Банк провёл сомнительные операции на сумму 2 млрд рублей.", "2 млрд рублей", "detection"),
        ("Ущерб государству оценивается в 50 млрд сумов.", "50 млрд сумов", "detection"),
        ("Деньги прошли через 35 фирм-однодневок.", "35 фирм-однодневок", "detection"),
        ("The firm was fined for failing to monitor 2,300 accounts.", "2,300 accounts", "detection"),
        # licence revocations, cease-trade orders and taking sites offline are shutdowns
        ("Регулятор лишил лицензий 4 банка.", "4 банка", "shutdown"),
        ("The commission issued a cease-trade order against three websites.", "three websites", "shutdown"),
        ("Police closed 12 illegal exchange offices.", "12 illegal exchange offices", "shutdown"),
        # caps and limits are thresholds
        ("Breaches carry civil penalties of up to $90,000 per violation.", "$90,000", "threshold"),
        ("Вклады застрахованы в пределах 700 тыс. рублей.", "700 тыс. рублей", "threshold"),
        # designations and bans of people are other; refunds are recovery; court costs are fines
        ("The Treasury is sanctioning five individuals tied to the cartel.", "five individuals", "other"),
        ("The judge disqualified three directors from managing companies.", "three directors", "other"),
        ("The broker will return $3 million to its customers.", "$3 million", "recovery"),
        ("Court costs of $40,000 fall on the defendant.", "$40,000", "fine"),
        # a noun whose complement is the fact beats a nearer participle after it
        ("The court ordered the confiscation of $6 million frozen by prosecutors.", "$6 million", "seizure"),
        # people nouns are weak triggers unless they are the counted noun itself
        ("Арестовано имущество обвиняемых на 90 млн рублей.", "90 млн рублей", "freeze"),
        ("Prosecutors arraigned six suspects on Monday.", "six suspects", "arrest"),
        ("In total 1,100 criminal cases were sent to court.", "1,100 criminal cases", "arrest"),
    ],
)
def test_lexicon_generalises(text: str, fact: str, action: str) -> None:
    assert actions(text)[fact] == action


def test_each_clause_keeps_its_own_verb() -> None:
    found = actions("Agents seized $5 million from the gang; a court later fined its bank $2 million.")
    assert (found["$5 million"], found["$2 million"]) == ("seizure", "fine")


def test_relative_clause_trigger_does_not_leak_out() -> None:
    found = actions("Police shut down a ring that moved $4 million through nine mule accounts.")
    assert (found["$4 million"], found["nine mule accounts"]) == ("detection", "detection")


def test_fact_inside_relative_clause_sees_only_that_clause() -> None:
    found = actions("The penalties were set by the board, which held 14 meetings during the year.")
    assert found["14 meetings"] == "statistic"


def test_relative_clause_may_describe_the_fact_before_it() -> None:
    found = actions("Loading over $700 onto a card, which triggers mandatory identity checks, is watched.")
    assert found["$700"] == "threshold"


def test_subordinate_clause_after_the_fact_does_not_leak() -> None:
    found = actions("The app took in $7 million from 2,000 savers before it was blocked last year.")
    assert (found["$7 million"], found["2,000 savers"]) == ("detection", "detection")


def test_quoted_words_are_not_triggers() -> None:
    found = actions("Инспекторы требовали 2 млн сомов за «закрытие» проверки.")
    assert found["2 млн сомов"] != "shutdown"


def test_coordinated_verb_after_the_fact_has_its_own_object() -> None:
    found = actions("The regulator fined two executives a combined $900,000 and barred them from trading.")
    assert found["$900,000"] == "fine"


def test_no_trigger_means_statistic() -> None:
    found = actions("The bank has 40 branches and reported $3 billion in assets.")
    assert set(found.values()) == {"statistic"}
