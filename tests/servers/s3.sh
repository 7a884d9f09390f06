# shellcheck shell=bash
# s3: MinIO (lib/minioserver.sh), buckets holding the seeded data files (lib/seed_files.py):
#   exports   anonymous list and read (a bucket policy: s3:ListBucket, s3:GetObject)
#   listonly  anonymous list, reads refused (s3:ListBucket only): "listing open, reading closed"
#   private   no anonymous access
#   archives  anonymous list and read: archives larger than the prefix cap (large/...)
# Root user `minioadmin-ajar` / AJAR_S3_PASSWORD (`m1nio-s3cret`). Port: AJAR_S3_PORT (19000).
S3_PORT=${AJAR_S3_PORT:-19000}
S3_ROOT_USER=minioadmin-ajar
S3_ROOT_PASSWORD=${AJAR_S3_PASSWORD:-m1nio-s3cret}
# virtual-host style too: Host BUCKET.s3.ajar.test (a reserved .test name: tests map it to
# 127.0.0.1 in a hosts file of their own, never in DNS)
S3_DOMAIN=s3.ajar.test
S3_SEED=(--bucket exports --public --list-only listonly --private private --archives archives)
S3_ENV=("PUBLIC_BUCKET=exports" "LIST_ONLY_BUCKET=listonly" "PRIVATE_BUCKET=private"
    "ARCHIVES_BUCKET=archives")
# shellcheck source=lib/minioserver.sh
source "$SERVERS_HOME/lib/minioserver.sh"
