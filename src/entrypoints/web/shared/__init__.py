"""What every page of the web room uses: rendering (``render``: the templates' environment,
the headers, the Content-Security-Policy), the static files addressed by content
(``assets``), the languages and the shared words (``texts``), the date names for the
scripts (``dates``), and the shared templates (the base, "not found", the sign-in forms,
the deposit, asking first, the scripts' block) and static files (``common.js``,
``book.css``). The rooms' files are found by ``folders``."""
