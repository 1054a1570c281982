#!/usr/bin/env bash
# ruleid: shell-hardcoded-credential
export DB_PASSWORD="Winter2024!"
# ruleid: shell-hardcoded-credential
API_KEY=sk_live_51HxQ2fA9
# ruleid: shell-hardcoded-credential
mysql -u root -pToor1234 app < schema.sql
# ok: shell-hardcoded-credential
DB_PASSWORD="$(cat /run/secrets/db_password)"
# ok: shell-hardcoded-credential
export API_KEY="${API_KEY:?set API_KEY first}"
# ok: shell-hardcoded-credential
TOKEN_FILE=/run/secrets/token
# ok: shell-hardcoded-credential
mysql -u app -p app < schema.sql
