"""Export…: format, template from the list, file, and whether to open its folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

# Labels start with different letters, so one key press picks a format in the list.
FORMATS = {"docx": "DOCX — Word document", "pdf": "PDF — PDF/A, for print and archive (LibreOffice)",
           "odt": "ODT — OpenDocument text (LibreOffice)", "md": "Markdown", "html": "HTML — web page"}


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the user chose to export."""

    format: str
    template: str
    path: Path
    open_folder: bool


class ExportDialog(QDialog):
    """Choose how and where to export the current brief."""

    def __init__(self, templates: list[str], *, template: str, fmt: str, path: Path,
                 open_folder: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export brief")
        self.format = QComboBox()
        self.format.setAccessibleName("Export format")
        for key, label in FORMATS.items():
            self.format.addItem(label, key)
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        self.template = QComboBox()
        self.template.setAccessibleName("Template")
        self.template.addItems(templates)
        self.template.setCurrentIndex(max(0, self.template.findText(template)))
        self.path = QLineEdit(str(path.with_suffix("." + self.chosen_format())))
        self.path.setAccessibleName("Export file")
        browse = QPushButton("Browse…")
        browse.setAccessibleName("Choose the export file")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.open_folder = QCheckBox("Open the folder afterwards")
        self.open_folder.setChecked(open_folder)
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok | cancel)
        buttons.button(ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Format", self.format)
        form.addRow("Template", self.template)
        form.addRow("File", row)
        form.addRow(self.open_folder)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.resize(560, self.sizeHint().height())

    def chosen_format(self) -> str:
        """The format key: docx, pdf, odt, md or html."""
        return str(self.format.currentData())

    def choice(self) -> ExportChoice:
        """The choices made."""
        return ExportChoice(self.chosen_format(), self.template.currentText(),
                            Path(self.path.text().strip()).expanduser(), self.open_folder.isChecked())

    def _on_format_changed(self) -> None:
        current = Path(self.path.text().strip() or "brief")
        self.path.setText(str(current.with_suffix("." + self.chosen_format())))

    def _browse(self) -> None:
        fmt = self.chosen_format()
        name, _ = QFileDialog.getSaveFileName(self, "Export brief", self.path.text(),
                                              f"{FORMATS[fmt]} (*.{fmt})")
        if name:
            self.path.setText(name)
