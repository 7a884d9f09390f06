# shellcheck shell=bash
# s3-auth: a second MinIO (lib/minioserver.sh) with one private bucket `records` holding the
# seeded data files: anonymous requests get 403 AccessDenied. Root user `auditor` /
# AJAR_S3_AUTH_PASSWORD (`s3-aud1tor-s3cret`), the credentials a scan may be given. Port:
# AJAR_S3_AUTH_PORT (19002).
S3_PORT=${AJAR_S3_AUTH_PORT:-19002}
S3_ROOT_USER=auditor
S3_ROOT_PASSWORD=${AJAR_S3_AUTH_PASSWORD:-s3-aud1tor-s3cret}
S3_SEED=(--bucket records)
S3_ENV=("PRIVATE_BUCKET=records")
# shellcheck source=lib/minioserver.sh
source "$SERVERS_HOME/lib/minioserver.sh"
