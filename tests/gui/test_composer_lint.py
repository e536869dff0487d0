"""The composer shows ICD 203 findings while the analyst types, without blocking anything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.gui.brief.composer import BriefComposer

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_findings_appear_while_typing_and_go(qtbot: QtBot) -> None:
    composer = BriefComposer(["sitrep"])
    qtbot.addWidget(composer)
    composer.show()
    assert composer.lint.isHidden()
    composer.bluf.setPlainText("Further North Korean deployments are likely.")
    assert composer.lint.isHidden()
    composer.assessment.setPlainText("Kyiv will perhaps extend mobilisation; a second wave is probable.")
    assert composer.lint.isVisible()
    text = composer.lint.text()
    assert "assessment: 'perhaps' is not on the ICD 203 likelihood scale → roughly even chance" in text
    assert "→ likely" in text  # 'probable' mixed with the BLUF's 'likely'
    composer.assessment.setPlainText("A second wave is likely.")
    assert composer.lint.isHidden()
