# shellcheck shell=bash
# ftp: Debian vsftpd, anonymous login allowed (read-only), the seeded data files
# (lib/seed_files.py). Port: AJAR_FTP_PORT (12121); passive ports 12130-12139.
FTP_PORT=${AJAR_FTP_PORT:-12121}
FTP_PASV_MIN=${AJAR_FTP_PASV_MIN:-12130}
FTP_PASV_MAX=${AJAR_FTP_PASV_MAX:-12139}
FTP_ANONYMOUS=YES
# shellcheck source=lib/ftpserver.sh
source "$SERVERS_HOME/lib/ftpserver.sh"
