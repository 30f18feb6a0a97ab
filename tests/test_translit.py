"""Transliteration: attested spellings (shared/design/transliteration.md) as test vectors."""

from __future__ import annotations

import pytest

from dossier.annotate.translit import SCHEMES, is_script

SCHEME = {s.id: s for s in SCHEMES}


@pytest.mark.parametrize(("source", "scheme", "spelling"), [
    ("Тихановский", "ru-de-duden", "Tichanowski"),
    ("Тихановский", "ru-de-press", "Tichanowskij"),
    ("Тихановский", "ru-wikipedia", "Tikhanovsky"),
    ("Ціханоўскі", "be-de", "Zichanouski"),
    ("Ціханоўскі", "be-en-press", "Tsikhanouski"),
    ("Ціханоўскі", "be-national-2007", "Cichanoŭski"),
    ("Ціханоўскі", "be-bgn-pcgn-1979", "Tsikhanowski"),
    ("Тихановская", "ru-de-duden", "Tichanowskaja"),
    ("Тихановская", "ru-wikipedia", "Tikhanovskaya"),
    ("Ціханоўская", "be-de", "Zichanouskaja"),
    ("Ціханоўская", "be-en-press", "Tsikhanouskaya"),
    ("Ціханоўская", "be-national-2007", "Cichanoŭskaja"),
    ("Светлана", "ru-de-duden", "Swetlana"),
    ("Светлана", "ru-wikipedia", "Svetlana"),
    ("Святлана", "be-de", "Swjatlana"),
    ("Святлана", "be-en-press", "Sviatlana"),
    ("Сергей", "ru-de-press", "Sergej"),
    ("Сергей", "ru-de-duden", "Sergei"),
    ("Сяргей", "be-de", "Sjarhej"),
    ("Сяргей", "be-en-press", "Siarhei"),
    ("Лукашенко", "ru-de-duden", "Lukaschenko"),
    ("Лукашенко", "ru-wikipedia", "Lukashenko"),
    ("Лукашэнка", "be-en-press", "Lukashenka"),
    ("Лукашэнка", "be-national-2007", "Lukašenka"),
    ("Лукашэнка", "be-lacinka", "Łukašenka"),
    ("Аляксандр", "be-lacinka", "Alaksandr"),
    ("Аляксандр", "be-de", "Aljaksandr"),
    ("Хренин", "ru-de-duden", "Chrenin"),
    ("Хренин", "ru-wikipedia", "Khrenin"),
    ("Запад", "ru-de-duden", "Sapad"),
    ("Запад", "ru-wikipedia", "Zapad"),
    ("Орешник", "ru-de-duden", "Oreschnik"),
    ("Нижний Новгород", "ru-de-duden", "Nischni Nowgorod"),
    ("Нижний Новгород", "ru-wikipedia", "Nizhny Novgorod"),
    ("Борисов", "ru-de-duden", "Borissow"),          # с between vowels -> ss
    ("Ёлкин", "ru-de-duden", "Jolkin"),
    ("Горбачёв", "ru-de-duden", "Gorbatschow"),      # ё after ч -> o
    ("Андрей", "ru-de-duden", "Andrei"),              # й not before a vowel -> i
    ("Ильич", "ru-de-duden", "Iljitsch"),             # и after ь -> ji
    ("Кацярына", "be-en-press", "Katsiaryna"),
    ("Дзяржынск", "be-de", "Dsjarschynsk"),           # дз, ж in German
    ("Мазалькоў", "be-national-2007", "Mazaĺkoŭ"),    # ль -> ĺ
])
def test_attested_spellings(source: str, scheme: str, spelling: str) -> None:
    assert SCHEME[scheme].romanise(source) == spelling


@pytest.mark.parametrize(("text", "language", "ok"), [
    ("Сяргей Ціханоўскі", "be", True),
    ("Сергей Тихановский", "ru", True),
    ("Сергей Тихановский", "be", False),   # и is not Belarusian
    ("Ціханоўскі", "ru", False),           # і, ў are not Russian
    ("Tichanowski", "ru", False),
])
def test_script_check(text: str, language: str, ok: bool) -> None:
    assert is_script(text, language) is ok
