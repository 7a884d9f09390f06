# shellcheck shell=bash
# ftp-listonly: Debian vsftpd, anonymous login allowed, the seeded data files listed but
# not world-readable: every RETR is refused (550), listing open, reading closed. Port:
# AJAR_FTP_LISTONLY_PORT (12123); passive ports 12150-12159.
FTP_PORT=${AJAR_FTP_LISTONLY_PORT:-12123}
FTP_PASV_MIN=${AJAR_FTP_LISTONLY_PASV_MIN:-12150}
FTP_PASV_MAX=${AJAR_FTP_LISTONLY_PASV_MAX:-12159}
FTP_ANONYMOUS=YES
FTP_FILES_UNREADABLE=1
# shellcheck source=lib/ftpserver.sh
source "$SERVERS_HOME/lib/ftpserver.sh"
