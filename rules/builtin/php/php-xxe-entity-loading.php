<?php
function parse(string $xml) {
    $doc = new DOMDocument();
    // ruleid: php-xxe-entity-loading
    $doc->loadXML($xml, LIBXML_NOENT | LIBXML_DTDLOAD);
    // ruleid: php-xxe-entity-loading
    $doc->substituteEntities = true;
    // ok: php-xxe-entity-loading
    $doc->loadXML($xml, LIBXML_NONET);
    // ok: php-xxe-entity-loading
    $sx = simplexml_load_string($xml);
    return $doc;
}
