"""The main window: article list, reader, tag panel, menus from the action table.

The window wires parts together: it owns the session (workspace, undo stack,
``changed`` signal), routes Changes to the views, and turns actions into calls.
Opening workspaces and importing articles live in :mod:`briefer.gui.files.importing`,
the brief work in :mod:`briefer.gui.brief`; each asks the window for the
little it needs (a ``Protocol`` beside it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter

from briefer.errors import BrieferError
from briefer.gui.actions import Actions, key_text
from briefer.gui.brief.briefing import Briefing
from briefer.gui.brief.corroboration import CorroborationDialog
from briefer.gui.brief.timeline import TimelineDialog
from briefer.gui.files.importing import Importing
from briefer.gui.files.opening import Opening
from briefer.gui.files.web import Web
from briefer.gui.reader.article_list import ArticleList
from briefer.gui.reader.article_work import ArticleWork
from briefer.gui.reader.follow import Follower
from briefer.gui.reader.navigation import Navigator
from briefer.gui.reader.view import ReaderPane
from briefer.gui.session import Session
from briefer.gui.settings import PALETTE, Settings
from briefer.gui.tags.panel import TagPanel
from briefer.gui.tags.suggestion_text import enter_makes
from briefer.gui.tags.suggestions import SuggestionFeed
from briefer.gui.tags.tagging import Tagger
from briefer.gui.theme import apply_palette
from briefer.gui.undo.command import Place
from briefer.gui.undo.tags import EditTag
from briefer.gui.window.appearance import preview_font, reader_font
from briefer.gui.window.keymap_dialog import KeymapDialog
from briefer.gui.window.layout import Panes, WindowLayout
from briefer.gui.window.menus import build_menus, follow_undo_stack
from briefer.gui.window.preferences import Preferences

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from briefer.model import Tag
    from briefer.suggest import Suggestion
    from briefer.workspace import Workspace

STATUS_MS = 6000


class MainWindow(QMainWindow):
    """One window on one workspace."""

    def __init__(self, settings: Settings | None = None, session: Session | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.session = session or Session(parent=self)
        self.session.setParent(self)
        kinds = self.session.kinds
        self.setWindowTitle("")  # Qt shows the application's name alone
        self.setAcceptDrops(True)
        self.action_table = Actions(kinds, self)
        self.action_table.apply_overrides(self.settings.key_overrides())

        self.articles = ArticleList()
        self.reader = ReaderPane(kinds)
        self.view = self.reader.view
        self.tags = TagPanel(kinds)
        self.navigator = Navigator(self.view)
        self.navigator.announce = self._announce_suggestion
        self.suggestions = SuggestionFeed(self)
        self.tagger = Tagger(self.session, self.view, self.navigator)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(self.tags)
        self.briefing = Briefing(self.session, self.settings, self, self)
        self.composer = self.briefing.composer
        self.right.addWidget(self.composer)
        self.preview = self.briefing.preview
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget, stretch in ((self.articles, 0), (self.reader, 1), (self.right, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.importing = Importing(self.session, self, self.statusBar(), self)
        self.opening = Opening(self.session, self.settings, self, self)
        self.web = Web(self)
        self.article_work = ArticleWork(self.session, self, self)

        self.follower = Follower(self.session, self.reader, self.tags, self.articles,
                                 self.suggestions, self)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(STATUS_MS)
        self._status_timer.timeout.connect(self.status.clear)

        self._connect_actions()
        self.menus = build_menus(self.menuBar(), self.action_table, self.opening.recent_menu)
        self._connect()
        self.apply_reader_font()
        panes = Panes(self.splitter, self.right, self.reader, self.preview)
        self.panes = WindowLayout(self, self.settings, panes)
        self.first_start = self.panes.restore()

    def _connect_actions(self) -> None:
        """Give each part of the window its keys and connect every action to its slot."""
        actions = self.action_table
        actions.attach("window", self)
        actions.attach("reader", self.view)
        actions.attach("articles", self.articles.view)  # not the filter: Del there is text
        a = actions.on_trigger
        a("app.quit", self.close)
        a("edit.find", self.focus_filter)
        a("app.preferences", self.show_preferences)
        a("help.keymap", self.show_keymap)
        a("view.corroboration", self.show_corroboration)
        a("view.timeline", self.show_timeline)
        a("nav.select-quote", self.select_quote)
        a("nav.next-article", lambda: self.articles.step(1))
        a("nav.previous-article", lambda: self.articles.step(-1))
        a("focus.articles", self.articles.view.setFocus)
        a("focus.reader", self.focus_reader)
        a("focus.tags", self.tags.tree.setFocus)
        a("tag.edit", self.edit_current_tag)
        self.navigator.connect_actions(actions, [kind.key for kind in self.session.kinds])
        self.tagger.connect_actions(actions)
        self.opening.connect_actions(actions)
        self.importing.connect_actions(actions)
        self.article_work.connect_actions(actions)
        self.briefing.connect_actions(actions)
        follow_undo_stack(actions, self.session.undo_stack)

    def _connect(self) -> None:
        self.session.workspaceOpened.connect(self._on_session_workspace_opened)
        self.session.errorReported.connect(self.show_message)
        self.session.revealRequested.connect(self.reveal)
        self.articles.openArticleRequested.connect(self.open_article)
        self.articles.failed.connect(self.show_message)
        self.suggestions.suggestionsReady.connect(self._on_suggestions_ready)
        self.suggestions.failed.connect(self.show_message)
        self.articles.activated.connect(self._on_articles_activated)
        self.tags.tagActivated.connect(self._on_tags_tag_activated)
        self.tags.model.editRequested.connect(self.edit_tag)
        self.tags.details.editRequested.connect(self.edit_tag)
        self.tags.details.editFinished.connect(self.focus_reader)
        self.importing.articlesImported.connect(self._on_importing_articles_imported)

    # workspace and articles ------------------------------------------------------------
    def open_workspace(self, path: Path, *, create: bool = False, readonly: bool = False) -> bool:
        """Open a workspace in this window (see :class:`Opening`); False when nothing opened."""
        return self.opening.open(path, create=create, readonly=readonly)

    def _on_session_workspace_opened(self, ws: Workspace) -> None:
        # Qt adds the application's name ("demo — Briefer"): name the workspace once.
        self.setWindowTitle(ws.name + (" (read-only)" if ws.store.readonly else ""))
        self.articles.set_workspace(ws)
        rows = self.articles.model.rows
        self.open_article(rows[0].id if rows else None)

    def _on_importing_articles_imported(self, ids: list[int]) -> None:
        self.articles.refresh()
        if ids:
            self.articles.select(ids[-1])

    def current_article_id(self) -> int | None:
        """The id of the article in the reader, or None."""
        article = self.view.article
        return article.id if article is not None else None

    def open_article(self, article_id: int | None) -> None:
        """Show an article (None: none) in the reader and the tag panel."""
        self.suggestions.cancel()
        if article_id is None or not self.session.is_open:
            self.reader.show_article(None)
            self.follower.reset()
            self.tags.show_tags([])
            return
        ws = self.session.ws
        try:
            article = ws.articles.get(article_id)
            tags = ws.tags.all(article_id)
        except BrieferError as exc:  # gone, or unreadable (a damaged workspace open read-only)
            self.show_message(str(exc))
            return
        self.follower.reset()
        self.reader.show_article(article, tags)
        self.tags.show_tags(tags)
        self.suggestions.request(ws.path, article_id)
        if self.articles.current_id() != article_id:
            self.articles.select(article_id, emit=False)

    def reload(self) -> None:
        """Show the workspace as it is now (another window or the CLI changed it), in place.

        The list keeps its selection and filter, the reader its article, selection,
        scroll and current tag (or the first article when its own is gone), the
        composer its brief and item.
        """
        if not self.session.is_open:
            return
        self.articles.refresh()
        current = self.current_article_id()
        try:
            ids = [r.id for r in self.session.ws.articles.all()]
        except BrieferError as exc:
            self.show_message(str(exc))
            ids = []
        if current in ids:
            place = self.view.place()
            self.open_article(current)
            self.view.return_to(place)
        else:
            self.open_article(self.articles.current_id() or (ids[0] if ids else None))
        self.briefing.reload()

    def _on_articles_activated(self, article_id: int) -> None:
        if self.current_article_id() != article_id:
            self.open_article(article_id)
        self.focus_reader()

    def _on_suggestions_ready(self, article_id: int, found: list[Suggestion]) -> None:
        if article_id == self.current_article_id():
            self.view.set_suggestions(found)

    def sync_tag_panel(self) -> None:
        """Bring the tag panel up to date with the reader (see :class:`Follower`)."""
        self.follower.sync_tag_panel()

    # tags ------------------------------------------------------------------------------
    def current_tag(self) -> Tag | None:
        """The reader's current tag, or None."""
        tag_id = self.view.current_tag
        return self.view.tags.get(tag_id) if tag_id is not None else None

    def edit_tag(self, tag_id: int, request: dict[str, Any]) -> None:
        """Apply an edit request from the tag panel as an undoable command.

        When the workspace refuses the write (another process holds it), the edit
        is kept and saved later (see :meth:`Session.push_or_keep`).
        """
        try:
            command = EditTag(self.session, tag_id, **request)
        except BrieferError as exc:
            self.show_message(str(exc))
            return
        self.session.push_or_keep(command, ("tag", tag_id, *sorted(request)))

    def edit_current_tag(self) -> None:
        """Move the focus to the current tag's first field."""
        if self.view.current_tag is None:
            self.show_message("No tag here: move onto a tag (t) or tag something first")
            return
        self.sync_tag_panel()
        self.tags.details.focus_first_field()

    def _on_tags_tag_activated(self, tag_id: int) -> None:
        tag = self.view.tags.get(tag_id)
        if tag is not None:
            with self.view.moving():
                self.view.select(tag.start, tag.end)
            self.view.set_current_tag(tag_id)

    def reveal(self, place: Place) -> None:
        """Show where an undo or redo changed things: its article (and tag), or its brief."""
        if place.brief_id is not None:
            self.briefing.reveal(place.brief_id)
        if place.article_id is None:
            return
        if place.article_id != self.current_article_id():
            self.open_article(place.article_id)
            if self.current_article_id() != place.article_id:
                return  # gone meanwhile; open_article said so
        tag = self.view.tags.get(place.tag_id) if place.tag_id is not None else None
        if tag is not None and tag.id is not None:
            self._on_tags_tag_activated(tag.id)
        elif place.span is not None:
            with self.view.moving():
                self.view.move_to(place.span[0])
            self.view.set_current_tag(None)

    def select_quote(self) -> None:
        """Select the quoted words of the current sentence (or say there are none)."""
        if not self.navigator.select_quote():
            self.show_message("No quotation in this sentence")

    # focus, dialogs, messages ---------------------------------------------------------
    def focus_reader(self) -> None:
        """Give the reader the keyboard focus."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filter(self) -> None:
        """Give the article filter the focus with its text selected."""
        self.articles.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.articles.filter.selectAll()

    def _announce_suggestion(self, found: Suggestion | None) -> None:
        """Say what Enter will make of the suggestion a key moved to (kind, speaker, value, date)."""
        if found is None:
            self.show_message("No more suggestions this way.")
            return
        accept = key_text(self.action_table["suggestion.accept"].shortcuts()[:1]) or "Enter"
        reject = key_text(self.action_table["suggestion.reject"].shortcuts()[:1]) or "x"
        self.show_message(enter_makes(found, self.session.kinds, accept, reject))

    def fetch_urls(self, urls: list[str]) -> None:
        """Fetch web addresses in the background (pasted into the window)."""
        self.web.fetch(urls)

    def show_message(self, text: str) -> None:
        """Show one line in the status bar."""
        self.status.setText(text)
        self.status.setToolTip(text)
        self._status_timer.start()

    def show_keymap(self) -> None:
        """Show every action with its keys."""
        KeymapDialog(self.action_table, self).exec()

    def show_corroboration(self) -> None:
        """Show the claims, conflicts and stories of the current brief (or of the workspace)."""
        if self.session.is_open:
            CorroborationDialog(self.briefing.analysis, self.session.ws.path, self.briefing.brief_id,
                                self).exec()

    def show_timeline(self) -> None:
        """Show the dated items of the current brief (or of the workspace); a chosen one in its article."""
        if not self.session.is_open:
            return
        brief = self.briefing.brief()
        try:
            dialog = TimelineDialog(self.session.ws, brief.id if brief else None, self)
        except BrieferError as exc:
            self.show_message(str(exc))
            return
        dialog.itemChosen.connect(self._on_timeline_item_chosen)
        dialog.exec()

    def _on_timeline_item_chosen(self, article_id: int, tag_id: int) -> None:
        self.reveal(Place(article_id=article_id, tag_id=tag_id))
        self.activateWindow()
        self.focus_reader()

    def show_preferences(self) -> None:
        """Show the preferences; apply them when accepted."""
        if Preferences(self.action_table, self.settings, self).exec():
            apply_palette(self.settings.get(PALETTE))
            self.apply_reader_font()
            self.opening.backups.apply_settings()

    def apply_reader_font(self) -> None:
        """Use the reader's and the preview's fonts from the preferences (Appearance)."""
        self.view.setFont(reader_font(self.settings, self.font()))
        self.view.highlighter.set_styles(self.session.kinds, self.view.palette())
        self.preview.browser.setFont(preview_font(self.settings, self.font()))
        self.preview.request()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:
            self.view.highlighter.set_styles(self.session.kinds, self.view.palette())
            self.view.highlighter.rehighlight()
        super().changeEvent(event)

    def _lose_kept_edits(self) -> bool:
        button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, "Briefer", f"{len(self.session.kept)} edit(s) could not be saved yet: another program "
            "is writing to this workspace. Close anyway and lose them?",
            button.Close | button.Cancel, button.Cancel)
        return answer == button.Close

    # drag and drop, state --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importing.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.session.retry_kept()
        if self.session.kept and not self._lose_kept_edits():
            event.ignore()
            return
        self.importing.jobs.wait()
        self.suggestions.wait()
        self.briefing.shutdown()
        self.preview.shutdown()
        self.opening.shutdown()
        self.panes.save()
        self.settings.sync()
        self.follower.stop()
        self.articles.set_workspace(None)
        self.session.close()
        super().closeEvent(event)

