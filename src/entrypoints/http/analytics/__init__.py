"""Analytics over HTTP: an artist's figures (the artist or an admin) and the platform's
(admins), as JSON or CSV."""
