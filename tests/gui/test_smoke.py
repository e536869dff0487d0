from briefer.gui.window.main_window import MainWindow


def test_window_opens_on_demo(window: MainWindow) -> None:
    assert window.windowTitle() == "test"
    assert window.view.article is not None
