"""The web room: the pages the server renders for people (the booking page a booking link
opens, a booking's own page, a tattoo request's, one's points, the account emails' links),
beside the API and outside it (``entrypoints.http`` serves both from one app).

Cut by bounded context as the API is: ``entrypoints.web.<context>`` holds the pages whose
use cases (or, for the pages whose script does the work, whose API) are that context's, each
room with its templates, its static files and its translations beside its pages;
``entrypoints.web.shared`` holds the machinery every page uses (rendering, the
Content-Security-Policy, the static files addressed by content, the languages, the base
template, the sign-in forms, ``common.js``). ``entrypoints.web.site`` gathers the pages of
every registered context (``entrypoints.contexts``) by name.
"""
