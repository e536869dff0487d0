"""Reading articles: the article list, the reader with its highlights, moving by sentence."""
