# shellcheck shell=bash
# ftp-closed: the same vsftpd with anonymous login refused (530). Port:
# AJAR_FTP_CLOSED_PORT (12122); passive ports 12140-12149.
FTP_PORT=${AJAR_FTP_CLOSED_PORT:-12122}
FTP_PASV_MIN=${AJAR_FTP_CLOSED_PASV_MIN:-12140}
FTP_PASV_MAX=${AJAR_FTP_CLOSED_PASV_MAX:-12149}
FTP_ANONYMOUS=NO
# shellcheck source=lib/ftpserver.sh
source "$SERVERS_HOME/lib/ftpserver.sh"
