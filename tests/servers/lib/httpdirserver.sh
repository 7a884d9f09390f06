# shellcheck shell=bash
# An open directory listing: Debian nginx serving the seeded data files (lib/seed_files.py)
# with `autoindex on` (names, dates and sizes in bytes), GET/HEAD only, on 127.0.0.1.
# Sourced by httpdir.sh / httpdir-auth.sh / httpdir-listonly.sh after they set HTTPDIR_PORT
# and, for basic auth, HTTPDIR_USER and HTTPDIR_PASSWORD; HTTPDIR_FILES_DENIED=1: the
# directories list, every file answers 403 (listing open, reading closed).
# Writes in $SRV_DIR: files/ (the tree served),
# nginx.conf, access.log (emptied once ready: it holds only the tests' requests, one line
# each "METHOD URI STATUS BYTES RANGE"), error.log, seed.json (lib/seed_files.py manifest).
# shellcheck source=lib/stores.sh
source "$SERVERS_HOME/lib/stores.sh"
SEED_FILES=$SERVERS_HOME/lib/seed_files.py

srv_url() { printf 'http://127.0.0.1:%s/\n' "$HTTPDIR_PORT"; }
srv_ports() { printf '%s\n' "$HTTPDIR_PORT"; }
httpdir_args() { [[ -z ${HTTPDIR_USER:-} ]] || printf '%s\n' -u "$HTTPDIR_USER:$HTTPDIR_PASSWORD"; }
srv_ready() {
    local args
    mapfile -t args < <(httpdir_args)
    curl -sf -m 2 -o /dev/null "${args[@]}" "$(srv_url)exports/"
}

srv_start() {
    need_cmd nginx nginx
    fresh_state files tmp
    local d=$SRV_DIR auth="" files_denied=""
    [[ -z ${HTTPDIR_FILES_DENIED:-} ]] || files_denied='location ~ [^/]$ { deny all; }'
    chmod 755 "$d" "$d/files" "$d/tmp"
    seed_step "files" python3 "$SEED_FILES" write "$d/files"
    chmod -R a+rX "$d/files"
    if [[ -n ${HTTPDIR_USER:-} ]]; then
        need_cmd openssl openssl
        printf '%s:%s\n' "$HTTPDIR_USER" "$(openssl passwd -apr1 "$HTTPDIR_PASSWORD")" >"$d/htpasswd"
        chmod 644 "$d/htpasswd"
        auth="auth_basic \"exports\"; auth_basic_user_file $d/htpasswd;"
    fi
    cat >"$d/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $d/nginx.pid;
error_log $d/error.log warn;
events { worker_connections 64; }
http {
    log_format ajar '\$request_method \$request_uri \$status \$body_bytes_sent \$http_range';
    access_log $d/access.log ajar;
    client_body_temp_path $d/tmp/body;
    proxy_temp_path $d/tmp/proxy;
    fastcgi_temp_path $d/tmp/fastcgi;
    uwsgi_temp_path $d/tmp/uwsgi;
    scgi_temp_path $d/tmp/scgi;
    types { text/plain txt sql; text/csv csv; application/gzip gz; application/zip zip; }
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:$HTTPDIR_PORT;
        root $d/files;
        autoindex on;
        autoindex_exact_size on;
        $auth
        location / { limit_except GET { deny all; } }
        $files_denied
    }
}
CONF
    spawn "$SRV_LOG" "$(command -v nginx)" -c "$d/nginx.conf" -p "$d/"
    wait_until "GET $(srv_url)" srv_ready
    python3 "$SEED_FILES" manifest "$d/files" >"$d/seed.json"
    : >"$d/access.log"
    write_env "URL=$(srv_url)" "PID=$(cat "$d/pid")" "LOG=$SRV_LOG" "HOST=127.0.0.1" \
        "PORT=$HTTPDIR_PORT" "ACCESS_LOG=$d/access.log" "ERROR_LOG=$d/error.log" \
        "USER=${HTTPDIR_USER:-}" "PASSWORD=${HTTPDIR_PASSWORD:-}" \
        "FILES=$d/files" "SEED_MANIFEST=$d/seed.json"
}
