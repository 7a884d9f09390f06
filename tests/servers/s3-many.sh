# shellcheck shell=bash
# s3-many: a third MinIO (lib/minioserver.sh) with bucket `many`: AJAR_S3_MANY (100000) tiny
# objects logs/part-NNNNNN.log, anonymous list and read, made with one PUT of a tar (MinIO's
# snowball auto-extract; 135 s and about 92 s of CPU on this 2-core machine). Its data is KEPT across ups
# while the seed is the same (later ups: 2 s). Root user `minioadmin-ajar` /
# AJAR_S3_PASSWORD (`m1nio-s3cret`). Port: AJAR_S3_MANY_PORT (19004).
S3_PORT=${AJAR_S3_MANY_PORT:-19004}
S3_ROOT_USER=minioadmin-ajar
S3_ROOT_PASSWORD=${AJAR_S3_PASSWORD:-m1nio-s3cret}
S3_MANY=${AJAR_S3_MANY:-100000}
S3_SEED=(--many "many:$S3_MANY")
S3_KEEP=1
S3_ENV=("MANY_BUCKET=many" "MANY_OBJECTS=$S3_MANY")
# shellcheck source=lib/minioserver.sh
source "$SERVERS_HOME/lib/minioserver.sh"
