"""The main window: article list, reader, tag panel, menus from the action table.

The window wires parts together: it owns the session (workspace, undo stack,
``changed`` signal), routes Changes to the views, and turns actions into calls.
Workspace and import handling lives in :mod:`briefer.gui.files`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter

from briefer.errors import BrieferError, NotFound
from briefer.gui.actions import Actions
from briefer.gui.article_list import ArticleList
from briefer.gui.briefing import Briefing
from briefer.gui.commands import EditTag
from briefer.gui.files import Files
from briefer.gui.keymap_dialog import MENU_ORDER, KeymapDialog
from briefer.gui.navigation import Navigator
from briefer.gui.preferences import Preferences
from briefer.gui.reader import ReaderPane
from briefer.gui.session import Session
from briefer.gui.settings import Settings
from briefer.gui.suggestions import SuggestionFeed
from briefer.gui.tag_panel import TagPanel
from briefer.gui.tagging import Tagger
from briefer.model import Changes, Tag
from briefer.workspace import Workspace

LIST_REFRESH_MS = 250
STATUS_MS = 6000


class MainWindow(QMainWindow):
    """One window on one workspace."""

    def __init__(self, settings: Settings | None = None, session: Session | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.session = session or Session(parent=self)
        self.session.setParent(self)
        kinds = self.session.kinds
        self.setWindowTitle("Briefer")
        self.setAcceptDrops(True)
        self.actions = Actions(kinds, self)
        self.actions.apply_overrides(self.settings.key_overrides())

        self.articles = ArticleList()
        self.reader = ReaderPane(kinds)
        self.view = self.reader.view
        self.tags = TagPanel(kinds)
        self.navigator = Navigator(self.view)
        self.suggestions = SuggestionFeed(self)
        self.tagger = Tagger(self.session, self.view, self.navigator)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(self.tags)
        self.briefing = Briefing(self)
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
        self.files = Files(self)

        self._list_timer = QTimer(self)
        self._list_timer.setSingleShot(True)
        self._list_timer.setInterval(LIST_REFRESH_MS)
        self._list_timer.timeout.connect(self.articles.refresh)

        # The tag panel follows the reader one event-loop turn later, so a key press
        # repaints its highlight first (the tree relays out all rows on an insert).
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(0)
        self._panel_timer.timeout.connect(self.sync_tag_panel)
        self._panel_tags: dict[int, Tag | None] = {}
        self._panel_current: int | None = None
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(STATUS_MS)
        self._status_timer.timeout.connect(self.status.clear)

        self._attach_actions()
        self._build_menus()
        self._connect()
        self.apply_reader_font()
        self._restore_state()

    # building ----------------------------------------------------------------------------
    def _attach_actions(self) -> None:
        self.actions.attach("window", self)
        self.actions.attach("reader", self.view)
        self.actions.attach("articles", self.articles)
        nav = self.navigator
        a = self.actions.connect
        a("app.quit", self.close)
        a("edit.undo", self.session.undo_stack.undo)
        a("edit.redo", self.session.undo_stack.redo)
        a("edit.find", self.focus_filter)
        a("app.preferences", self.show_preferences)
        a("help.keymap", self.show_keymap)
        a("nav.next-sentence", nav.next_sentence)
        a("nav.previous-sentence", nav.previous_sentence)
        a("nav.next-paragraph", nav.next_paragraph)
        a("nav.previous-paragraph", nav.previous_paragraph)
        a("nav.extend-word", nav.extend_word)
        a("nav.shrink-word", nav.shrink_word)
        a("nav.extend-sentence", nav.extend_sentence)
        a("nav.shrink-sentence", nav.shrink_sentence)
        a("nav.select-quote", self._select_quote)
        a("nav.next-tag", nav.next_tag)
        a("nav.previous-tag", lambda: nav.next_tag(forward=False))
        a("nav.next-suggestion", nav.next_suggestion)
        a("nav.previous-suggestion", lambda: nav.next_suggestion(forward=False))
        a("nav.next-article", lambda: self.articles.step(1))
        a("nav.previous-article", lambda: self.articles.step(-1))
        a("focus.articles", self.articles.view.setFocus)
        a("focus.reader", self.focus_reader)
        a("focus.tags", self.tags.tree.setFocus)
        a("tag.remove", self.tagger.remove_current)
        a("suggestion.accept", self.tagger.accept_suggestion)
        a("suggestion.reject", self.tagger.reject_suggestion)
        a("tag.edit", self.edit_current_tag)
        for kind in self.session.kinds:
            a(f"tag.as.{kind.key}", lambda key=kind.key: self.tagger.tag_as(key))
            a(f"nav.next-suggestion.{kind.key}", lambda key=kind.key: nav.next_suggestion(kind=key))
        self.files.connect_actions(self.actions)
        self.briefing.connect_actions()

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for name in MENU_ORDER:
            menus[name] = self.menuBar().addMenu(f"&{name}")
        for spec in self.actions.specs.values():
            if spec.id.startswith("nav.next-suggestion."):
                continue  # listed in the keymap; seven more rows would crowd the menu
            menus[spec.menu].addAction(self.actions[spec.id])
            if spec.id == "workspace.open":
                menus["File"].addMenu(self.files.recent_menu)
        self.menus = menus

    def _connect(self) -> None:
        self.session.changed.connect(self._on_session_changed)
        self.session.workspaceOpened.connect(self._on_session_workspace_opened)
        self.session.errorReported.connect(self.show_message)
        self.articles.openArticleRequested.connect(self.open_article)
        self.suggestions.suggestionsReady.connect(self._on_suggestions_ready)
        self.suggestions.failed.connect(self.show_message)
        self.articles.activated.connect(self._on_articles_activated)
        self.view.currentTagChanged.connect(self._on_view_current_tag_changed)
        self.tags.tagActivated.connect(self._on_tags_tag_activated)
        self.tags.model.editRequested.connect(self.edit_tag)
        self.tags.details.editRequested.connect(self.edit_tag)
        self.tags.details.editFinished.connect(self.focus_reader)
        stack = self.session.undo_stack
        stack.canUndoChanged.connect(self.actions["edit.undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions["edit.redo"].setEnabled)
        stack.undoTextChanged.connect(lambda t: self.actions["edit.undo"].setText(f"Undo {t}".strip()))
        stack.redoTextChanged.connect(lambda t: self.actions["edit.redo"].setText(f"Redo {t}".strip()))
        self.actions["edit.undo"].setEnabled(False)
        self.actions["edit.redo"].setEnabled(False)

    # workspace and articles ------------------------------------------------------------
    def open_workspace(self, path: Path, *, create: bool = False) -> bool:
        """Open a workspace in this window; show the error line and return False on failure."""
        try:
            self.session.open(path, create=create)
        except BrieferError as exc:
            self.show_message(str(exc))
            return False
        self.settings.add_recent(path)
        self.files.update_recent_menu()
        return True

    def _on_session_workspace_opened(self, ws: Workspace) -> None:
        self.setWindowTitle(f"Briefer — {ws.name}")
        self.open_article(None)
        self.articles.set_workspace(ws)
        if self.articles.model.rows:
            self.articles.select(self.articles.model.rows[0].id)

    def current_article_id(self) -> int | None:
        """The id of the article in the reader, or None."""
        article = self.view.article
        return article.id if article is not None else None

    def open_article(self, article_id: int | None) -> None:
        """Show an article (None: none) in the reader and the tag panel."""
        self.suggestions.cancel()
        if article_id is None or not self.session.is_open:
            self.reader.show_article(None)
            self._panel_tags.clear()
            self.tags.show_tags([])
            return
        ws = self.session.ws
        try:
            article = ws.articles.get(article_id)
        except NotFound as exc:
            self.show_message(str(exc))
            return
        tags = ws.tags.list(article_id)
        self._panel_tags.clear()
        self._panel_current = None
        self.reader.show_article(article, tags)
        self.tags.show_tags(tags)
        self.suggestions.request(ws.path, article_id)
        if self.articles.current_id() != article_id:
            self.articles.select(article_id, emit=False)

    def _on_articles_activated(self, article_id: int) -> None:
        if self.current_article_id() != article_id:
            self.open_article(article_id)
        self.focus_reader()

    def _on_session_changed(self, changes: Changes) -> None:
        current = self.current_article_id()
        if current is not None and current in changes.articles:
            ws = self.session.ws
            # A new tag only hides suggestions (done at once); anything else may bring
            # some back, so the suggestions are computed again in the background.
            recompute = not changes.tags
            for tag_id in sorted(changes.tags):
                tag = self._fetch_tag(ws, tag_id)
                recompute |= tag is None or tag_id in self.view.tags
                if tag is not None and tag.article_id == current:
                    self.view.put_tag(tag)
                    self._panel_tags[tag_id] = tag
                else:
                    self.view.drop_tag(tag_id)
                    self._panel_tags[tag_id] = None
                self._panel_timer.start()
            if not changes.tags and current not in {r.id for r in ws.articles.list()}:
                self.open_article(None)
            elif recompute:
                self.suggestions.request(ws.path, current)
        if changes.articles:
            self._list_timer.start()

    def _on_suggestions_ready(self, article_id: int, found: list) -> None:
        if article_id == self.current_article_id():
            self.view.set_suggestions(found)

    def _on_view_current_tag_changed(self, tag_id: int | None) -> None:
        self._panel_current = tag_id
        self._panel_timer.start()

    def sync_tag_panel(self) -> None:
        """Bring the tag panel up to date with the reader (tags changed, current tag)."""
        self._panel_timer.stop()
        pending, self._panel_tags = self._panel_tags, {}
        for tag_id, tag in pending.items():
            if tag is None:
                self.tags.drop(tag_id)
            else:
                self.tags.put(tag)
        self.tags.set_current(self._panel_current)

    @staticmethod
    def _fetch_tag(ws: Workspace, tag_id: int) -> Tag | None:
        try:
            return ws.tags.get(tag_id)
        except NotFound:
            return None

    # tags ------------------------------------------------------------------------------
    def edit_tag(self, tag_id: int, request: dict) -> None:
        """Apply an edit request from the tag panel as an undoable command."""
        try:
            self.session.push(EditTag(self.session, tag_id, **request))
        except BrieferError as exc:
            self.show_message(str(exc))

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

    def _select_quote(self) -> None:
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

    def show_message(self, text: str) -> None:
        """Show one line in the status bar."""
        self.status.setText(text)
        self.status.setToolTip(text)
        self._status_timer.start()

    def show_keymap(self) -> None:
        """Show every action with its keys."""
        KeymapDialog(self.actions, self).exec()

    def show_preferences(self) -> None:
        """Show the preferences; apply them when accepted."""
        if Preferences(self.actions, self.settings, self).exec():
            from briefer.gui.app import apply_palette

            apply_palette(str(self.settings.get("ui/palette")))
            self.apply_reader_font()

    def apply_reader_font(self) -> None:
        """Use the reader font size from the preferences (0: a point above the interface's)."""
        size = int(self.settings.get("reader/font_size"))
        font = QFont(self.font())
        font.setPointSizeF(size if size > 0 else font.pointSizeF() + 1)
        self.view.setFont(font)
        self.view.highlighter.set_styles(self.session.kinds, self.view.palette())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:
            self.view.highlighter.set_styles(self.session.kinds, self.view.palette())
            self.view.highlighter.rehighlight()
        super().changeEvent(event)

    # drag and drop, state --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.import_paths(paths)

    def _restore_state(self) -> None:
        screen = self.screen().availableGeometry()
        geometry = self.settings.state("geometry")
        self.first_start = geometry is None or not self.restoreGeometry(geometry)
        if self.first_start:
            self.resize(screen.size())  # shown maximised; this is the size to lay out for
        wide = screen.width() >= 1600
        width = self.width() - (int(self.width() * 0.24) if wide else 0)
        defaults = {self.splitter: [int(width * 0.26), int(width * 0.43), int(width * 0.31)],
                    self.right: [int(self.height() * 0.5)] * 2}
        for name, widget in (("splitter", self.splitter), ("right", self.right)):
            state = self.settings.state(name)
            if state is None or not widget.restoreState(state):
                widget.setSizes(defaults[widget])
        state = self.settings.state("window")
        if state is None or not self.restoreState(state):
            # a fourth column fits only on wide screens; F8 shows it anywhere
            self.preview.setVisible(wide)
            self.resizeDocks([self.preview], [int(self.width() * 0.24)], Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.files.jobs.wait()
        self.suggestions.wait()
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("window", self.saveState())
        self.settings.set_state("splitter", self.splitter.saveState())
        self.settings.set_state("right", self.right.saveState())
        self.settings.sync()
        self._list_timer.stop()
        self.articles.set_workspace(None)
        self.session.close()
        super().closeEvent(event)

