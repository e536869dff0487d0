"""Shared samples for the importer tests: article text in two scripts, fixture folder."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"

UKRAINIAN = (
    "Україна оголосила нову хвилю мобілізації у вівторок, оскільки Росія захопила важливий "
    "шахтарський центр Селидове. Президент Володимир Зеленський заявив, що війна стає "
    "інтернаціоналізованою."
)
RUSSIAN = (
    "Украина объявила новую волну мобилизации во вторник, поскольку Россия захватила важный "
    "шахтёрский центр Селидово. Президент Владимир Зеленский заявил, что война становится "
    "интернационализированной."
)
