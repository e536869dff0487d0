"""Ordinary news sentences in languages whose legacy encodings are easily confused.

Written for these tests (not taken from any outlet). Each language lists the
legacy encodings its text is commonly found in; every sentence uses letters
outside ASCII, so a wrong guess shows.
"""

from __future__ import annotations

#: language -> (encodings, sentences)
SENTENCES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sv": (("cp1252", "latin-1", "iso8859_15"), (
        "Försvarsminister Pål Jonson sade på tisdagen att regeringen höjer anslagen till Ukraina.",
        "Över tusen människor fick lämna sina hem när älven svämmade över i Norrland.",
        "Riksbanken väntas sänka räntan när inflationen fortsätter att falla under året.",
        "Polisen i Göteborg utreder en skottlossning som ägde rum sent på lördagskvällen.",
    )),
    "no": (("cp1252", "latin-1", "iso8859_15"), (
        "Statsministeren sa at Norge vil øke støtten til Ukraina med to milliarder kroner.",
        "Uværet førte til stengte veier på Vestlandet, og flere ferger ble innstilt på søndag.",
        "Sjømatrådet melder at eksporten av laks nådde et nytt rekordnivå i fjor høst.",
        "Kommunen må bygge en ny skole fordi elevtallet har økt kraftig på få år.",
    )),
    "de": (("cp1252", "latin-1", "iso8859_15"), (
        "Der Bundeskanzler kündigte am Dienstag weitere Hilfen für die Ukraine an.",
        "Nach dem Hochwasser müssen in Süddeutschland Tausende Häuser geräumt werden.",
        "Die Gewerkschaft fordert für die Beschäftigten eine Erhöhung der Löhne um acht Prozent.",
        "Im Straßenverkehr starben im vergangenen Jahr weniger Menschen als je zuvor.",
    )),
    "fr": (("cp1252", "latin-1", "iso8859_15"), (
        "Le ministre des Armées a annoncé jeudi une hausse du budget de la défense.",
        "Des milliers de manifestants ont défilé à Paris contre la réforme des retraites.",
        "La préfecture a décrété l'état d'alerte après les inondations dans le département.",
        "Les négociations entre l'Union européenne et ses partenaires reprendront à l'été.",
    )),
    "es": (("cp1252", "latin-1", "iso8859_15"), (
        "El Gobierno español aprobó el martes un nuevo paquete de ayudas para Ucrania.",
        "Miles de personas tuvieron que abandonar sus casas por el incendio en la montaña.",
        "El Banco de España prevé que la economía crezca más de lo esperado este año.",
        "La policía detuvo a tres sospechosos tras una operación contra el narcotráfico en Cádiz.",
    )),
    "pl": (("cp1250", "iso8859_2"), (
        "Minister obrony narodowej zapowiedział w środę zakup kolejnych czołgów dla wojska.",
        "Po ulewnych deszczach w południowej Polsce ewakuowano mieszkańców kilku wsi.",
        "Rząd przyjął projekt budżetu, który zakłada wyższe wydatki na służbę zdrowia.",
        "Na granicy z Białorusią zatrzymano grupę osób próbujących nielegalnie przejść do Unii.",
    )),
    "cs": (("cp1250", "iso8859_2"), (
        "Ministr zahraničí řekl v pondělí, že Česko pošle Ukrajině další pomoc.",
        "Povodně na Moravě zaplavily stovky domů a silnice zůstávají uzavřené.",
        "Česká národní banka ponechala úrokové sazby beze změny i tento měsíc.",
        "Policie vyšetřuje požár skladu, který vypukl v noci na čtvrtek v Ostravě.",
    )),
    "ru": (("cp1251", "koi8_r"), (
        "Министр иностранных дел заявил во вторник, что переговоры продолжатся на следующей неделе.",
        "В результате наводнения в регионе были эвакуированы более двух тысяч человек.",
        "Центральный банк сохранил ключевую ставку на прежнем уровне, сообщили в пятницу.",
        "Суд приговорил бывшего чиновника к восьми годам заключения за получение взятки.",
    )),
    "uk": (("cp1251", "koi8_u"), (
        "Президент України заявив, що уряд підготує нові заходи підтримки для регіонів.",
        "Унаслідок обстрілу в Харкові пошкоджено житлові будинки та школу, повідомили рятувальники.",
        "Національний банк знизив облікову ставку вперше за останні пів року.",
        "Волонтери зібрали кошти на їжу та ліки для мешканців прифронтових сіл.",
    )),
}
