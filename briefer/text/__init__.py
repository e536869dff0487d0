"""Text units below every reader of text: sentences, paragraphs, words and quotations.

Qt-free and free of the rest of Briefer, so the suggesters, the renderer and the
reader's key moves all share one splitter and one quote finder.
"""
