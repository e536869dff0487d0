"""Teasers and share prompts leave article bodies; article lines of any shape stay."""

from __future__ import annotations

import pytest

from briefer.ingest.furniture import drop_furniture, is_furniture


@pytest.mark.parametrize("line", [
    "SEE MORE: Hong Kong protests: 800 students under siege in university",
    "DON'T MISS",
    "BLACK DEATH PLAGUE fears: Holidaymakers die after eating marmot [INSIGHT]",
    "Also on rt.com Kremlin says talks are possible",
    "Like this story? Share it with a friend!",
    "Most read in world news",
    "Read more: Tencent profit falls as Alibaba threat and economic woes weigh",
    "You may also like:",
])
def test_promo_lines_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "WHO IS THE FRONT-RUNNER?",  # a subheading in capitals
    "- Sign up for a Hulu ad-free account for $11.99 a month",  # an item of a deals list
    "Share this information, please?",
    "VIP : 60,000₩",
    "[CNET]",
    "Read more about the plan, the minister said, in the report the government will publish on "
    "Friday after the vote.",
    "通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。",
])
def test_article_lines_stay(line: str) -> None:
    assert not is_furniture(line)


def test_only_the_furniture_lines_go() -> None:
    body = "Talks resumed on Monday.\nDON'T MISS\nBoth sides said progress was made.\n"
    assert drop_furniture(body) == "Talks resumed on Monday.\nBoth sides said progress was made.\n"
