import getpass
import os

# ruleid: py-hardcoded-password
DB_PASSWORD = "Tr0ub4dor-example"
# ruleid: py-hardcoded-password
SECRET_KEY: str = "dev-secret-not-for-prod"
# ruleid: py-hardcoded-password
config = {"host": "db.internal", "password": "hunter2-example"}
# ok: py-hardcoded-password
DB_PASSWORD_ENV = os.environ["DB_PASSWORD"]
# ok: py-hardcoded-password
SECRET_KEY = os.environ.get("SECRET_KEY", "")
# ok: py-hardcoded-password
password = getpass.getpass()
# ok: py-hardcoded-password
PASSWORD_FIELD = "password"
# ok: py-hardcoded-password
api_key = "<your api key>"
# ok: py-hardcoded-password
empty_password = ""


def connect(user, password):
    # ruleid: py-hardcoded-password
    if password == "admin123":
        return True
    # ruleid: py-hardcoded-password
    return open_connection(user=user, password="letmein-example")


def login(form):
    # ok: py-hardcoded-password
    return check(form["username"], form["password"])
