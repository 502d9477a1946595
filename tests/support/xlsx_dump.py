#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints an .xlsx file as JSON, read by an independent reader (Debian's python3-openpyxl), so a
test checks what a spreadsheet program would see rather than what our writer meant to write.

    xlsx_dump.py FILE.xlsx  ->  {"sheets": [{"name", "frozen", "headerBold", "widths", "rows"}]}

Each cell is [type, value]: type "str", "int", "float", "datetime" (value "yyyy-mm-ddThh:mm:ss"),
"bool", "formula" (a cell openpyxl reads as a formula) or "empty"; "numberFormat" is given for
dates. Exit status 2 with a message on stderr when the file cannot be read.
"""
import datetime
import json
import sys

import openpyxl


def cell_json(cell):
    value = cell.value
    if value is None:
        return ["empty", None]
    if cell.data_type == "f":
        return ["formula", str(value)]
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, datetime.datetime):
        return ["datetime", value.isoformat(timespec="seconds"), cell.number_format]
    if isinstance(value, int):
        return ["int", value]
    if isinstance(value, float):
        return ["float", value]
    return ["str", value]


def main():
    if len(sys.argv) != 2:
        print("usage: xlsx_dump.py FILE.xlsx", file=sys.stderr)
        return 2
    try:
        book = openpyxl.load_workbook(sys.argv[1])
    except Exception as error:  # noqa: BLE001 - any reader failure is the answer
        print(f"cannot read {sys.argv[1]}: {error}", file=sys.stderr)
        return 2
    sheets = []
    for sheet in book.worksheets:
        rows = [[cell_json(cell) for cell in row] for row in sheet.iter_rows()]
        header = next(sheet.iter_rows(min_row=1, max_row=1), ())
        widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items() if dim.width}
        sheets.append({
            "name": sheet.title,
            "frozen": sheet.freeze_panes,
            "headerBold": bool(header) and all(c.font is not None and c.font.b for c in header if c.value is not None),
            "widths": widths,
            "rows": rows,
        })
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
