import xml.dom.minidom

from defusedxml import ElementTree as SafeET
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@app.post("/import")
def import_feed():
    body = request.get_data()
    # ruleid: py-taint-xxe
    root = etree.fromstring(body)
    # ok: py-taint-xxe
    root = etree.fromstring(body, parser=SAFE_PARSER)
    # ok: py-taint-xxe
    root = SafeET.fromstring(body)
    return root.tag


@app.post("/upload")
def upload():
    document = request.files["doc"].read()
    # ruleid: py-taint-xxe
    dom = xml.dom.minidom.parseString(document)
    # ok: py-taint-xxe
    dom = xml.dom.minidom.parseString("<empty/>")
    # ruleid: py-taint-xxe
    tree = etree.parse(request.files["doc"])
    # ok: py-taint-xxe
    tree = etree.parse(request.files["doc"], SAFE_PARSER)
    return dom.documentElement.tagName + tree.getroot().tag
