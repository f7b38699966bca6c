"""Prints pydicom's DICOM JSON (PS3.18 Annex F) for each file given as an argument, as one JSON object keyed by path.

Binary values (OB, OW, OF, OD, OL, OV, UN, encapsulated pixel data) are replaced by "sha256:<hex>:<length>" of their
bytes through the BulkDataURI handler, so the output stays small and the C# side names its values the same way.
A file pydicom cannot convert maps to {"error": "..."}.
Used by PydicomComparisonTests with Debian's /usr/bin/python3 (python3-pydicom 2.3).
"""
import hashlib
import json
import sys

import pydicom


def digest(element):
    value = element.value if isinstance(element.value, (bytes, bytearray)) else bytes(element.value)
    return "sha256:%s:%d" % (hashlib.sha256(value).hexdigest(), len(value))


def main(paths):
    out = {}
    for path in paths:
        try:
            ds = pydicom.dcmread(path, force=True)
            out[path] = ds.to_json_dict(bulk_data_threshold=0, bulk_data_element_handler=digest)
        except Exception as exc:  # reported per file, compared by the test
            out[path] = {"error": "%s: %s" % (type(exc).__name__, exc)}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
