# shellcheck shell=bash
# An FTP server: Debian vsftpd in the foreground (listen=YES, background=NO) on 127.0.0.1
# only, passive ports in a small range on 127.0.0.1, no writes of any kind (write_enable=NO),
# the seeded data files (lib/seed_files.py) as the anonymous root. Sourced by ftp.sh /
# ftp-closed.sh / ftp-listonly.sh after they set FTP_PORT, FTP_PASV_MIN, FTP_PASV_MAX and
# FTP_ANONYMOUS (YES|NO); FTP_FILES_UNREADABLE=1: the files are not world-readable, so
# anonymous lists them and every RETR is refused (vsftpd's anon_world_readable_only).
# Writes in $SRV_DIR: files/ (owned by root, not writable: vsftpd's rule for anon_root),
# vsftpd.conf, vsftpd.log (every command and reply, log_ftp_protocol=YES; emptied once ready),
# seed.json (lib/seed_files.py manifest).
# shellcheck source=lib/stores.sh
source "$SERVERS_HOME/lib/stores.sh"
SEED_FILES=$SERVERS_HOME/lib/seed_files.py

srv_url() { printf 'ftp://127.0.0.1:%s/\n' "$FTP_PORT"; }
srv_ports() { printf '%s\n' "$FTP_PORT"; }
srv_ready() { curl -s -m 2 -o /dev/null "$(srv_url)" || [[ $? == 67 ]]; }

srv_start() {
    need_cmd vsftpd vsftpd
    ((EUID == 0)) || die "$SRV_NAME: vsftpd needs root (it drops to the ftp user itself)"
    fresh_state files empty
    local d=$SRV_DIR
    # vsftpd refuses to run with both kinds of login off: the closed one takes local
    # users (through PAM; none is known to the tests), so anonymous gets 530
    FTP_LOCAL=NO
    [[ $FTP_ANONYMOUS == YES ]] || FTP_LOCAL=YES
    seed_step "files" python3 "$SEED_FILES" write "$d/files"
    chmod -R a+rX,go-w "$d/files"
    [[ -z ${FTP_FILES_UNREADABLE:-} ]] || find "$d/files" -type f -exec chmod o-r {} +
    chmod 555 "$d/files" "$d/empty"
    id ftp >/dev/null 2>&1 || die "$SRV_NAME: no user 'ftp' (the vsftpd package adds it)"
    cat >"$d/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$FTP_PORT
background=NO
anonymous_enable=$FTP_ANONYMOUS
no_anon_password=YES
anon_root=$d/files
ftp_username=ftp
local_enable=$FTP_LOCAL
write_enable=NO
anon_upload_enable=NO
anon_mkdir_write_enable=NO
anon_other_write_enable=NO
dirlist_enable=YES
download_enable=YES
pasv_enable=YES
pasv_address=127.0.0.1
pasv_min_port=$FTP_PASV_MIN
pasv_max_port=$FTP_PASV_MAX
port_enable=NO
connect_from_port_20=NO
secure_chroot_dir=$d/empty
seccomp_sandbox=NO
isolate_network=NO
isolate=NO
xferlog_enable=YES
xferlog_std_format=NO
log_ftp_protocol=YES
vsftpd_log_file=$d/vsftpd.log
dual_log_enable=NO
syslog_enable=NO
use_localtime=NO
idle_session_timeout=60
data_connection_timeout=60
max_clients=32
pam_service_name=vsftpd
CONF
    chmod 600 "$d/vsftpd.conf"
    spawn "$SRV_LOG" "$(command -v vsftpd)" "$d/vsftpd.conf"
    wait_until "FTP on $FTP_PORT" tcp_ready "$FTP_PORT"
    if [[ $FTP_ANONYMOUS == YES ]]; then
        wait_until "anonymous LIST" curl -sf -m 5 -o /dev/null "$(srv_url)exports/"
    else
        local rc=0
        curl -s -m 5 -o /dev/null "$(srv_url)" || rc=$?
        ((rc == 67)) || start_failed "anonymous login was not refused (curl exit $rc, not 67)"
    fi
    python3 "$SEED_FILES" manifest "$d/files" >"$d/seed.json"
    : >"$d/vsftpd.log"
    write_env "URL=$(srv_url)" "PID=$(cat "$d/pid")" "LOG=$SRV_LOG" "HOST=127.0.0.1" \
        "PORT=$FTP_PORT" "ANONYMOUS=$FTP_ANONYMOUS" "PROTOCOL_LOG=$d/vsftpd.log" \
        "FILES=$d/files" "SEED_MANIFEST=$d/seed.json"
}
