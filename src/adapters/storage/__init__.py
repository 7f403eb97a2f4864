"""Object stores: local files behind HMAC-signed URLs (the embedded default), and S3/R2."""
