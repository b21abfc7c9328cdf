"""The window's pages, one module each; `app.ROUTES` says which address serves which."""
