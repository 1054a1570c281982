# ruleid: secret-password-assignment
DB_PASSWORD = "%%fake:password%%"
# ruleid: secret-password-assignment
conn = psycopg2.connect(host="db", user="app", password="%%fake:password:2%%")
# ruleid: secret-password-assignment
settings = {"smtp_password": "%%fake:password:3%%"}
# ruleid: secret-password-assignment
if password == "%%fake:password:4%%":
    grant()
# ok: secret-password-assignment
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ok: secret-password-assignment
PASSWORD = "changeme"
# ok: secret-password-assignment
password = "<your password>"
# ok: secret-password-assignment
PASSWORD_ENV = "DB_PASSWORD"
# ok: secret-password-assignment
field = {"password": "password"}
# ok: secret-password-assignment
password_hint = "at least 12 characters"
# ok: secret-password-assignment
password = "${DB_PASSWORD}"
