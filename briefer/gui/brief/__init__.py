"""The brief being written: composer, adding and moving items, live preview, export."""
