"""The window's brief work: the current brief, `a` to add a tag, item moves, preview, export.

Every change is an undoable command (see :mod:`briefer.gui.undo.briefs`),
creating and deleting a brief included. Rendering and exporting are the render
package's; this module only chooses what to render and where to write it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from briefer import render
from briefer.analysis.markings import check_brief
from briefer.errors import BrieferError, NotFound
from briefer.gui.background.feed import LatestFeed
from briefer.gui.background.jobs import AnalysisJob, ClaimsJob
from briefer.gui.brief.composer import BriefComposer, ItemRow, SectionRows
from briefer.gui.brief.export_dialog import ExportDialog
from briefer.gui.brief.items import ItemWork
from briefer.gui.brief.preview import PreviewDock
from briefer.gui.settings import EXPORT_FOLDER, EXPORT_FORMAT, EXPORT_OPEN_FOLDER, Settings
from briefer.gui.tags.details import excerpt
from briefer.gui.tags.suggestion_text import field_text
from briefer.gui.undo.briefs import (
    AddToBrief,
    CreateBrief,
    DeleteBrief,
    MoveItem,
    RemoveItem,
    SetBriefFields,
)
from briefer.workspace.briefs import section_for

if TYPE_CHECKING:
    from briefer.analysis.claims import Claim
    from briefer.gui.actions import Actions
    from briefer.gui.session import Session
    from briefer.gui.undo.command import Command
    from briefer.model import Brief, BriefItem, BriefSummary, Changes, Tag
    from briefer.workspace import Workspace

DEFAULT_TEMPLATE = "sitrep"
CLAIMS_DELAY_MS = 150
DEFAULT_TITLE = "Situation report"
_EXCERPT = 80


class BriefingWindow(Protocol):
    """What the brief work needs of its window."""

    def show_message(self, text: str) -> None:
        """Show one line in the status bar."""
        ...

    def current_tag(self) -> Tag | None:
        """The reader's current tag, or None."""
        ...


class Briefing(QObject):
    """Keeps the composer and preview on the current brief and edits it by commands."""

    def __init__(self, session: Session, settings: Settings, window: BriefingWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.session = session
        self.settings = settings
        self.templates = [ref.name for ref in render.find_templates()]
        self.composer = BriefComposer(self.templates)
        self.preview = PreviewDock(self.preview_target, parent)
        self.items = ItemWork(session, self.composer, lambda: self.brief_id, window, parent)
        self.brief_id: int | None = None
        self._undo: QAction | None = None
        self.claims = LatestFeed(ClaimsJob, CLAIMS_DELAY_MS, self)  # analysed off the window's thread
        self.claims.resultReady.connect(self._on_claims_ready)
        self.claims.failed.connect(window.show_message)
        self.analysis = LatestFeed(AnalysisJob, 0, self)  # the corroboration dialog's
        self.composer.briefChosen.connect(self.choose)
        self.composer.newBriefRequested.connect(self.new_brief)
        self.composer.fieldsEdited.connect(self._on_composer_fields_edited)
        self.composer.tree.moveRequested.connect(self._on_tree_move_requested)
        self.session.changed.connect(self._on_session_changed)
        self.session.workspaceOpened.connect(self._on_session_workspace_opened)
        self.session.workspaceClosed.connect(self.preview.release)

    def connect_actions(self, actions: Actions) -> None:
        """Connect the brief actions and give the composer its keys."""
        self._undo = actions["edit.undo"]
        actions.attach("composer", self.composer)
        actions.on_trigger("brief.add-tag", self.add_current_tag)
        actions.on_trigger("brief.new", self.new_brief)
        actions.on_trigger("brief.delete", self.delete_brief)
        actions.on_trigger("brief.export", self.export)
        actions.on_trigger("brief.item-up", lambda: self.move_current(0, -1))
        actions.on_trigger("brief.item-down", lambda: self.move_current(0, 1))
        actions.on_trigger("brief.item-next-section", lambda: self.move_current(1, 0))
        actions.on_trigger("brief.item-previous-section", lambda: self.move_current(-1, 0))
        actions.on_trigger("brief.item-remove", self.remove_current)
        self.items.connect_actions(actions)
        actions.on_trigger("focus.composer", self.focus_items)
        actions["view.preview"].setCheckable(True)
        actions["view.preview"].toggled.connect(self.preview.setVisible)
        self.preview.visibilityChanged.connect(actions["view.preview"].setChecked)

    def _push(self, command: Command) -> bool:
        return self.session.try_push(command, self.window.show_message)

    # the current brief -------------------------------------------------------------------
    def _on_session_workspace_opened(self, ws: Workspace) -> None:
        self.preview.release()
        briefs = self.briefs()
        remembered = self.settings.current_brief(ws.path)
        ids = [b.id for b in briefs]
        self.choose(remembered if remembered in ids else (ids[0] if ids else None))

    def choose(self, brief_id: int | None) -> None:
        """Make a brief the current one (None: none) and show it."""
        self.brief_id = brief_id
        if self.session.is_open:
            self.settings.set_current_brief(self.session.ws.path, brief_id)
        self.composer.set_claims((), {})  # the other brief's, until this one's arrive
        self.refresh()

    def briefs(self) -> list[BriefSummary]:
        """The workspace's briefs ([] when none is open or they cannot be read, which is said)."""
        if not self.session.is_open:
            return []
        try:
            return self.session.ws.briefs.all()
        except BrieferError as exc:
            self.window.show_message(str(exc))
            return []

    def brief(self) -> Brief | None:
        """The current brief, or None (gone, or unreadable: said in the status bar)."""
        if self.brief_id is None or not self.session.is_open:
            return None
        try:
            return self.session.ws.briefs.get(self.brief_id)
        except NotFound:
            return None
        except BrieferError as exc:
            self.window.show_message(str(exc))
            return None

    def refresh(self) -> None:
        """Show the current brief in the composer and ask the preview to follow."""
        brief = self.brief()
        self.composer.set_briefs(self.briefs(), brief.id if brief else None)
        self.composer.show_brief(brief, self._sections(brief) if brief else ())
        self.show_checks(brief)
        self.preview.request()

    def show_checks(self, brief: Brief | None) -> None:
        """Show what the brief's items propose and rest on: the rolled-up marking, single sources.

        Both are shown, never acted on: the marking is not set, the BLUF not blocked.
        The claims behind the single-source flags are analysed in the background.
        """
        if brief is None or brief.id is None or not self.session.is_open:
            self.claims.cancel()
            self.composer.set_claims((), {})
            self.composer.show_marking(None)
            return
        self.claims.request(self.session.ws.path, brief.id)
        try:
            self.composer.show_marking(check_brief(self.session.ws, brief.id))
        except BrieferError as exc:
            self.window.show_message(str(exc))
            self.composer.show_marking(None)

    def _on_claims_ready(self, result: tuple[int, tuple[Claim, ...], dict[int, Tag]]) -> None:
        brief_id, claims, tags = result
        if brief_id == self.brief_id:
            self.composer.set_claims(claims, tags)

    def _sections(self, brief: Brief) -> list[SectionRows]:
        ws = self.session.ws
        try:
            template = render.load_template(render.by_name(brief.template))
            order = [(s.id, s.title) for s in template.sections]
        except BrieferError:
            order = []
        items: dict[str, list[ItemRow]] = {}
        for item in brief.items:
            assert item.id is not None
            items.setdefault(item.section, []).append(self._row(ws, item))
        order += [(s, s) for s in items if s not in {o[0] for o in order}]
        return [SectionRows(sid, title, tuple(items.get(sid, ()))) for sid, title in order]

    def _row(self, ws: Workspace, item: BriefItem) -> ItemRow:
        assert item.id is not None
        rated = f" [credibility {item.credibility}]" if item.credibility is not None else ""
        if item.tag_id is None:
            return ItemRow(item.id, f"Analyst's note: {excerpt(item.text, _EXCERPT)}{rated}",
                           f"Your own point (no citation): {item.text}", analyst=True)
        try:
            tag = ws.tags.get(item.tag_id)
        except BrieferError as exc:
            return ItemRow(item.id, f"(tag {item.tag_id} cannot be read)", str(exc))
        who = field_text(tag.kind, tag.attributes)
        label = self.session.kinds[tag.kind].label if tag.kind in self.session.kinds else tag.kind
        shown = f"{label}: {excerpt(tag.exact, _EXCERPT)}" + (f" — {who}" if who else "") + rated
        return ItemRow(item.id, shown, tag.exact)

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.briefs:
            self.reload()
        elif changes.tags or changes.articles:  # an item's marking, a quote, a claim's sources…
            self.show_checks(self.brief())
            self.preview.request()

    def reload(self) -> None:
        """Show the current brief as stored now; when it was deleted, the next one."""
        if self.session.is_open and self.brief_id is not None and self.brief() is None:
            self.choose(next((b.id for b in self.briefs()), None))
        else:
            self.refresh()

    def reveal(self, brief_id: int) -> None:
        """Show a brief an undo or redo changed (nothing when it is gone)."""
        if brief_id != self.brief_id and brief_id in {b.id for b in self.briefs()}:
            self.choose(brief_id)

    # adding, moving, removing ----------------------------------------------------------------
    def new_brief(self, title: str | None = None) -> int | None:
        """Create a brief (asking for its title unless given) and make it current; undoable."""
        if title is None:
            title, ok = QInputDialog.getText(self.parent_widget, "New brief", "Title:", text=DEFAULT_TITLE)
            if not ok or not title.strip():
                return None
        command = CreateBrief(self.session, title.strip(), template=DEFAULT_TEMPLATE)
        if not self._push(command):
            return None
        self.choose(command.brief_id)
        return command.brief_id

    def delete_brief(self) -> None:
        """Delete the current brief (undo brings it back) and show the next one."""
        brief = self.brief()
        if brief is None:
            self.window.show_message("No brief to delete")
            return
        assert brief.id is not None  # a stored brief
        if self._push(DeleteBrief(self.session, brief.id)):
            undo = self._undo.shortcut().toString() if self._undo is not None else "Undo"
            self.window.show_message(f"Deleted the brief “{brief.title}” ({undo} brings it back)")

    def add_current_tag(self) -> None:
        """Add the reader's current tag to the section of the brief that takes its kind."""
        tag = self.window.current_tag()
        if tag is None or tag.id is None:
            self.window.show_message("No tag here to add: move onto a tag (t) or tag something first")
            return
        label = self.session.kinds[tag.kind].label.lower() if tag.kind in self.session.kinds else tag.kind
        stack = self.session.undo_stack
        brief = self.brief()
        if brief is None:  # the first `a` starts a brief: one key, one undo step
            stack.beginMacro(f"Add {label} to a new brief")
            try:
                if self.new_brief(DEFAULT_TITLE) is not None:
                    self._add_tag(tag.id, tag.kind, label)
            finally:
                stack.endMacro()
        else:
            self._add_tag(tag.id, tag.kind, label)

    def _add_tag(self, tag_id: int, kind: str, label: str) -> None:
        brief = self.brief()
        assert brief is not None
        assert brief.id is not None
        try:
            template = render.load_template(render.by_name(brief.template))
        except BrieferError as exc:
            self.window.show_message(str(exc))
            return
        titles = {s.id: s.title for s in template.sections}
        present = next((i for i in brief.items if i.tag_id == tag_id), None)
        if present is not None:
            where = titles.get(present.section, present.section)
            self.window.show_message(f"Already in the brief, under {where}.")
            return
        section = section_for(kind, template.layout())
        if section is None:
            self.window.show_message(f"The {brief.template} template has no section for {label}s.")
            return
        if self._push(AddToBrief(self.session, brief.id, section, [tag_id], label)):
            self.window.show_message(f"Added the {label} to “{brief.title}”, under {titles[section]}.")

    def move_current(self, section_step: int, position_step: int) -> None:
        """Move the selected item up/down in its section, or to the next/previous section."""
        current = self.composer.current_item()
        if current is None:
            return
        item_id, section, position = current
        sections = self.composer.section_ids()
        if section_step:
            index = sections.index(section) + section_step
            if not 0 <= index < len(sections):
                return
            target = (sections[index], self.composer.section_size(sections[index]))
        else:
            new_position = position + position_step
            if not 0 <= new_position < self.composer.section_size(section):
                return
            target = (section, new_position)
        if self._push(MoveItem(self.session, item_id, *target)):
            self.composer.select_item(item_id)

    def _on_tree_move_requested(self, item_id: int, section: str, position: int) -> None:
        if self._push(MoveItem(self.session, item_id, section, position)):
            self.composer.select_item(item_id)

    def remove_current(self) -> None:
        """Take the selected item out of the brief."""
        current = self.composer.current_item()
        if current is not None:
            self._push(RemoveItem(self.session, current[0]))

    def _on_composer_fields_edited(self, brief_id: int, fields: dict[str, str]) -> None:
        try:
            command = SetBriefFields(self.session, brief_id, **fields)
        except BrieferError as exc:
            self.window.show_message(str(exc))
            return
        self.session.push_or_keep(command, ("brief", brief_id, *sorted(fields)))

    def focus_items(self) -> None:
        """Give the composer's item tree the focus."""
        self.composer.tabs.setCurrentWidget(self.composer.tree)
        self.composer.tree.setFocus()
        if self.composer.tree.currentItem() is None and self.composer.tree.topLevelItemCount():
            first = self.composer.tree.topLevelItem(0)
            if first is not None:
                self.composer.tree.setCurrentItem(first)

    def shutdown(self) -> None:
        """Wait for the background analyses (on closing the window)."""
        self.claims.wait()
        self.analysis.wait()
        self.items.shutdown()

    # preview and export -------------------------------------------------------------------
    def preview_target(self) -> tuple[Path, int] | None:
        """What the preview shows: the workspace file and the current brief, or None."""
        if self.brief_id is None or not self.session.is_open:
            return None
        return self.session.ws.path, self.brief_id

    def export(self) -> Path | None:
        """Ask how and where, export the current brief, and open its folder when asked."""
        brief = self.brief()
        if brief is None:
            self.window.show_message("No brief to export: press a on a tag to start one")
            return None
        assert brief.id is not None  # a stored brief
        settings = self.settings
        folder = Path(settings.get(EXPORT_FOLDER) or Path.home())
        stem = "".join(c if c.isalnum() or c in "-_ " else "_" for c in brief.title).strip() or "brief"
        dialog = ExportDialog(self.templates, template=brief.template, fmt=settings.get(EXPORT_FORMAT),
                              path=folder / stem, open_folder=settings.get(EXPORT_OPEN_FOLDER),
                              parent=self.parent_widget)
        if not dialog.exec():
            return None
        choice = dialog.choice()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # PDF and ODT take LibreOffice seconds
        try:
            path = render.export(self.session.ws, brief.id, choice.format, choice.path,
                                 render.load_template(render.by_name(choice.template)))
        except BrieferError as exc:
            self.window.show_message(str(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        settings.set(EXPORT_FOLDER, str(choice.path.parent))
        settings.set(EXPORT_FORMAT, choice.format)
        settings.set(EXPORT_OPEN_FOLDER, choice.open_folder)
        self.window.show_message(f"Exported the brief to {path}.")
        if choice.open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        return path
