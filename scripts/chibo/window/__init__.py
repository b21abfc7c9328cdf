"""The window (`chibo ui`): a local web page over the same library as the command line — one
route table (app), one guard (guard), a module per page (pages/), the page templates (html/)."""
