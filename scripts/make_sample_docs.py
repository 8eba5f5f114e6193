"""Generate the binary sample documents of the Merlin knowledge base.

Writes into ``data/`` (relative to the repository root):

* ``sinumerik-840d-sl/840d-sl-5-axis-overview.pdf``  (English, 3 pages, reportlab)
* ``fanuc-31i-b5/guia-mecanizado-5-ejes.pdf``        (Spanish, 3 pages, reportlab)
* ``heidenhain-tnc-640/training-summary.docx``       (English, headings + one table, python-docx)
* ``shared/machine-park.xlsx``                       (English, our own machine data, openpyxl)

The script is idempotent: running it again overwrites the files with identical content.
PDFs are written with reportlab's ``invariant=1`` and fixed metadata; the DOCX and XLSX
get fixed core properties and their ZIP entries are rewritten with a fixed timestamp,
so the output is byte-for-byte reproducible.

Usage::

    python scripts/make_sample_docs.py            # writes into <repo>/data
    python scripts/make_sample_docs.py --out DIR  # writes into DIR instead
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

FIXED_DATE = dt.datetime(2024, 1, 15, 9, 0, 0)
FIXED_ZIP_TIME = (2024, 1, 15, 9, 0, 0)
AUTHOR = "Applications department (internal)"


# --------------------------------------------------------------------------- helpers


def _normalise_zip(path: Path) -> None:
    """Rewrite a ZIP-based Office file with fixed entry timestamps (reproducible output)."""
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info, blob in entries:
            if info.filename == "docProps/core.xml":
                # some writers stamp the save time into the core properties; pin it
                stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                pattern = rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)"
                blob = re.sub(pattern, rb"\g<1>" + stamp + rb"\g<2>", blob)
            new = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o644 << 16
            dst.writestr(new, blob)
    path.write_bytes(buf.getvalue())


def _pdf(path: Path, title: str, subject: str, story_builder) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=title,
        author=AUTHOR,
        subject=subject,
        creator="scripts/make_sample_docs.py",
        invariant=1,
    )

    def footer(canvas, document):
        # drawn at the end of each page, so the page text starts with the document title
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 12 * mm, title)
        canvas.drawRightString(190 * mm, 12 * mm, str(document.page))
        canvas.restoreState()

    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=footer)])
    doc.build(story_builder())


def _styles():
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle(
            "T", parent=base["Title"], fontName="Helvetica-Bold", fontSize=18, leading=22
        ),
        "h1": ParagraphStyle(
            "H1", parent=base["Heading1"], fontName="Helvetica-Bold", fontSize=14, leading=18
        ),
        "h2": ParagraphStyle(
            "H2", parent=base["Heading2"], fontName="Helvetica-Bold", fontSize=12, leading=15
        ),
        "body": ParagraphStyle("B", parent=base["BodyText"], fontName="Helvetica", fontSize=10, leading=13.5),
        "code": ParagraphStyle("C", parent=base["Code"], fontName="Courier", fontSize=8.5, leading=10.5),
        "cell": ParagraphStyle("Cell", parent=base["BodyText"], fontName="Helvetica", fontSize=9, leading=11),
    }


def _table(rows, col_widths):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = _styles()
    data = [[Paragraph(str(c), st["cell"]) for c in row] for row in rows]
    t = Table(data, colWidths=col_widths, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def _code(lines):
    from reportlab.platypus import Preformatted

    return Preformatted("\n".join(lines), _styles()["code"])


# --------------------------------------------------------------------------- PDF 1


def build_840d_pdf(out: Path) -> Path:
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    title = "SINUMERIK 840D sl - 5-axis machining overview"
    path = out / "sinumerik-840d-sl" / "840d-sl-5-axis-overview.pdf"

    def story():
        st = _styles()
        p = lambda text, s="body": Paragraph(text, st[s])  # noqa: E731
        s = [
            p("SINUMERIK 840D sl — 5-axis machining overview", "title"),
            p(
                "Internal application guide of our applications department. Written in our own words "
                "from the public Siemens documentation for the SINUMERIK 840D sl (Programming Manuals "
                "'Fundamentals', 'Job planning' and 'Cycles'). It explains the functions; it contains no "
                "performance figures beyond those in our 840D sl product sheet."
            ),
            Spacer(1, 4 * mm),
            p("1. Scope", "h1"),
            p(
                "The SINUMERIK 840D sl supports two ways of machining with rotary axes: 3+2 machining, "
                "in which the working plane is swivelled and then held while the linear axes cut, and "
                "simultaneous 5-axis machining, in which the rotary axes move during the cut and the "
                "control keeps the tool tip on the programmed path."
            ),
            p("2. Machine kinematics", "h1"),
            p(
                "The machine builder describes the kinematics once: for 3+2 machining in swivel data "
                "records (tool carriers) used by CYCLE800, for simultaneous machining in the machine data "
                "of the orientation transformation used by TRAORI. Typical types are:"
            ),
            _table(
                [
                    ["Kinematic type", "Rotary axes", "Typical machine"],
                    [
                        "Head / head",
                        "Both rotary axes in the spindle head",
                        "Large gantry and portal machines",
                    ],
                    [
                        "Table / table",
                        "Tilting table plus rotary table (e.g. A/C or B/C)",
                        "Compact 5-axis centres",
                    ],
                    ["Head / table", "One axis in the head, one in the table", "Travelling-column machines"],
                ],
                [40 * mm, 70 * mm, 60 * mm],
            ),
            Spacer(1, 4 * mm),
            p("3. 3+2 machining with CYCLE800", "h1"),
            p(
                "CYCLE800 swivels the working plane. After the call the workpiece coordinate system lies "
                "on the inclined face, G17 refers to that face and all drilling and milling cycles work as "
                "on a horizontal surface. The cycle positions the rotary axes, optionally after a retraction "
                "of the tool. <b>CYCLE800()</b> without parameters resets the swivel plane."
            ),
            _code(
                [
                    'N10 CYCLE800(1,"TC1",200000,57,0,-20,-10,30,0,0,0,0,0,-1,100,1)',
                    "N20 MCALL CYCLE81(10,0,2,-2.5,)",
                    "N30 X-15 Y0",
                    "N40 X0",
                    "N50 X15",
                    "N60 MCALL",
                    "N70 CYCLE800()",
                ]
            ),
            PageBreak(),
            p("4. Simultaneous machining with TRAORI", "h1"),
            p(
                "TRAORI switches on the orientation transformation. The program describes the tool tip "
                "position and the tool orientation; the control calculates the machine axis positions. "
                "TRAFOOF switches the transformation off. The tool offset (D number) must be active when "
                "TRAORI is selected."
            ),
            p("4.1 Orientation reference and interpolation", "h2"),
            _table(
                [
                    ["Command", "Meaning"],
                    [
                        "ORIWKS",
                        "Orientation refers to the workpiece coordinate system (normal for CAM output)",
                    ],
                    ["ORIMKS", "Orientation refers to the machine coordinate system"],
                    ["ORIAXES", "Rotary axes interpolated linearly"],
                    ["ORIVECT", "Orientation vector interpolated on a great circle"],
                    ["A3= B3= C3=", "Tool orientation as a direction vector"],
                ],
                [40 * mm, 130 * mm],
            ),
            Spacer(1, 4 * mm),
            p("4.2 Typical program structure", "h2"),
            _code(
                [
                    'N10 T="BALL_6" M6',
                    "N20 D1 S16000 M3",
                    "N30 TRAORI",
                    "N40 ORIWKS",
                    "N50 ORIVECT",
                    "N60 CYCLE832(0.005,_ORI_FINISH,1)",
                    "N70 G1 X12.512 Y-3.188 Z1.204 A3=0.1736 B3=-0.0121 C3=0.9847 F1800",
                    "...",
                    "N9000 CYCLE832(0,_OFF,1)",
                    "N9010 TRAFOOF",
                    "N9020 G0 SUPA Z0 D0",
                ]
            ),
            p("5. High-speed settings", "h1"),
            p(
                "CYCLE832 groups tolerance, rounding, compressor and acceleration settings. For 5-axis "
                "programs the orientation technology groups (for example _ORI_FINISH) are used. The "
                "Advanced Surface and Top Surface option packages improve surface quality of CAM programs "
                "when they are licensed on the machine."
            ),
            PageBreak(),
            p("6. Kinematic accuracy", "h1"),
            p(
                "The accuracy of both CYCLE800 and TRAORI depends on the correct description of the rotary "
                "axes. CYCLE996 (measure kinematics) probes a calibration sphere at several rotary axis "
                "positions and calculates the kinematic vectors. We run it at commissioning, after any "
                "collision and after mechanical work on the rotary axes."
            ),
            p("7. Comparison with other controls", "h1"),
            p(
                "For programmers who know other controls: CYCLE800 plays the role that G68.2 plays on "
                "FANUC controls and PLANE SPATIAL on HEIDENHAIN controls; TRAORI corresponds to G43.4 or "
                "FUNCTION TCPM (a software option on the HEIDENHAIN control). The parameters are not "
                "interchangeable, so CAM output must always come from a post-processor made for the 840D sl."
            ),
            p("8. Checklist before the first 5-axis part", "h1"),
            _table(
                [
                    ["#", "Check", "Done"],
                    ["1", "Kinematics measured with CYCLE996 after the last mechanical intervention", ""],
                    ["2", "Swivel data record name in the program matches the machine", ""],
                    ["3", "Program simulated on the control with the real tool data", ""],
                    ["4", "CYCLE800() and TRAFOOF at the end of every section", ""],
                    ["5", "First run in single block with reduced rapid override", ""],
                ],
                [10 * mm, 130 * mm, 30 * mm],
            ),
        ]
        return s

    _pdf(path, title, "5-axis machining with SINUMERIK 840D sl: CYCLE800 and TRAORI", story)
    return path


# --------------------------------------------------------------------------- PDF 2


def build_31i_pdf(out: Path) -> Path:
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    title = "FANUC 31i-B5 - Guía de mecanizado en 5 ejes"
    path = out / "fanuc-31i-b5" / "guia-mecanizado-5-ejes.pdf"

    def story():
        st = _styles()
        p = lambda text, s="body": Paragraph(text, st[s])  # noqa: E731
        s = [
            p("FANUC 31i-B5 — Guía de mecanizado en 5 ejes", "title"),
            p(
                "Guía interna de nuestro departamento de aplicaciones para programadores de centros de "
                "mecanizado de 5 ejes con CNC FANUC Series 31i-MODEL B5. Redactada con nuestras propias "
                "palabras a partir de la documentación pública de FANUC para la serie 30i/31i/32i-MODEL B."
            ),
            Spacer(1, 4 * mm),
            p("1. Introducción", "h1"),
            p(
                "El 31i-B5 es la versión de 5 ejes del FANUC 31i-B: añade el mecanizado simultáneo en 5 "
                "ejes. Para el programador hay dos formas de trabajo: el mecanizado 3+2, en el que se "
                "inclina el plano de trabajo y después se mecaniza con los ejes lineales, y el mecanizado "
                "simultáneo, en el que los ejes giratorios se mueven durante el corte."
            ),
            p("2. Plano inclinado: G68.2 y G53.1", "h1"),
            p(
                "<b>G68.2</b> define el sistema de coordenadas del plano inclinado mediante un origen "
                "(X, Y, Z) y tres ángulos de Euler (I, J, K). <b>G53.1</b> orienta la herramienta "
                "perpendicular al plano: los ejes giratorios se posicionan automáticamente. "
                "<b>G69</b> anula el plano inclinado."
            ),
            _code(
                [
                    "N50 G68.2 X0. Y-20. Z-10. I0. J30. K0.",
                    "N60 G53.1",
                    "N70 G00 X-15. Y0. S2500 M03",
                    "N80 G43 H05 Z40. M08",
                    "N90 G98 G81 X-15. Y0. Z-2.5 R3. F200",
                    "N100 X0.",
                    "N110 X15.",
                    "N120 G80 M09",
                    "N130 G49 G69",
                ]
            ),
            Spacer(1, 3 * mm),
            p(
                "Dentro del plano inclinado los ciclos fijos G81, G83 y G84 funcionan igual que en un plano "
                "horizontal. Antes de definir otro plano conviene anular G43, retirar la herramienta "
                "y anular G68.2 con G69."
            ),
            PageBreak(),
            p("3. Control del punto central de la herramienta", "h1"),
            p(
                "<b>G43.4</b> activa el control del punto central de la herramienta de tipo 1: el programa "
                "contiene las posiciones de la punta de la herramienta y los ángulos de los ejes giratorios. "
                "<b>G43.5</b> es el tipo 2, en el que la orientación se da como vector (I, J, K). "
                "<b>G49</b> anula ambos."
            ),
            _table(
                [
                    ["Función", "Código FANUC", "Anulación"],
                    ["Plano inclinado", "G68.2 (con G53.1)", "G69"],
                    ["TCP tipo 1 (ángulos)", "G43.4 H..", "G49"],
                    ["TCP tipo 2 (vector)", "G43.5 H..", "G49"],
                    ["Compensación de radio 3D", "G41.2 / G42.2", "G40"],
                    ["AI contour control II", "G05.1 Q1", "G05.1 Q0"],
                ],
                [60 * mm, 60 * mm, 50 * mm],
            ),
            Spacer(1, 4 * mm),
            p("4. Control de contorno y suavizado", "h1"),
            p(
                "Para programas de CAM con muchos bloques cortos se activa AI contour control II con "
                "G05.1 Q1. La interpolación nano calcula internamente en nanómetros y Smooth TCP suaviza la "
                "orientación de la herramienta en modo TCP. El programa de ejemplo O2005 de esta carpeta "
                "muestra la secuencia completa."
            ),
            PageBreak(),
            p("5. Errores frecuentes", "h1"),
            _table(
                [
                    ["Síntoma", "Causa habitual", "Solución"],
                    ["El ciclo taladra en vertical", "Falta G53.1 después de G68.2", "Programar G53.1"],
                    [
                        "Error de posición con TCP",
                        "Postprocesador de 3 ejes con G43",
                        "Usar un post con G43.4",
                    ],
                    ["Facetas en la superficie", "AI contour control desactivado", "G05.1 Q1 al inicio"],
                    [
                        "Colisión al cambiar de plano",
                        "No se retiró la herramienta",
                        "Retirar y anular G69 antes",
                    ],
                ],
                [50 * mm, 60 * mm, 60 * mm],
            ),
            Spacer(1, 4 * mm),
            p("6. Comparación con otros controles", "h1"),
            p(
                "Quien viene de SINUMERIK encontrará en G68.2 el equivalente funcional de CYCLE800 y en "
                "G43.4 el de TRAORI; en HEIDENHAIN, PLANE SPATIAL y FUNCTION TCPM (opción de software en el "
                "control HEIDENHAIN). Los parámetros no son intercambiables."
            ),
            p("7. Datos que no figuran en esta guía", "h1"),
            p(
                "La potencia y la velocidad máxima del cabezal son datos de la máquina y no del CNC; no se "
                "indican aquí. Tampoco se indican el número máximo de ejes ni de canales, porque nuestras "
                "fuentes no los precisan."
            ),
        ]
        return s

    _pdf(path, title, "Mecanizado en 5 ejes con FANUC 31i-B5: G68.2, G53.1, G43.4", story)
    return path


# --------------------------------------------------------------------------- DOCX


def build_tnc_docx(out: Path) -> Path:
    from docx import Document

    path = out / "heidenhain-tnc-640" / "training-summary.docx"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document()
    cp = doc.core_properties
    cp.title = "HEIDENHAIN TNC 640 - Training summary"
    cp.author = AUTHOR
    cp.subject = "Summary of our internal TNC 640 5-axis course"
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_modified_by = AUTHOR
    cp.revision = 1

    doc.add_heading("HEIDENHAIN TNC 640 — Training summary (course TNC-5X)", level=0)
    doc.add_paragraph(
        "Summary of our internal three-day course for programmers of machines with the HEIDENHAIN "
        "TNC 640. Written by our applications department from the public HEIDENHAIN user's manuals "
        "(Klartext programming and cycle programming). It is a course summary, not a specification."
    )

    doc.add_heading("1. Course objectives", level=1)
    for item in (
        "Write and edit Klartext programs with cycles 200, 203, 205 and 207.",
        "Tilt the working plane with PLANE SPATIAL and reset it with PLANE RESET.",
        "Run simultaneous 5-axis CAM programs with FUNCTION TCPM (software option; M128 in older programs).",
        "Use Q parameters and program section repeats (LBL / CALL LBL ... REP).",
    ):
        doc.add_paragraph(item, style="List Bullet")

    doc.add_heading("2. Course plan", level=1)
    rows = [
        ("Day", "Topic", "Key functions"),
        ("1", "Klartext basics and drilling cycles", "BLK FORM, TOOL CALL, CYCL DEF 200 / 203 / 207, M99"),
        ("1", "Q parameters and repeats", "FN 0, FN 1, LBL, CALL LBL REP, QL / QR"),
        ("2", "Tilted working plane", "PLANE SPATIAL, TURN / MOVE / STAY, PLANE RESET, Cycle 19"),
        ("2", "Datum handling", "Preset table, CYCL DEF 7 DATUM SHIFT"),
        ("3", "Simultaneous 5-axis", "FUNCTION TCPM (software option), FUNCTION RESET TCPM, M128 / M129"),
        ("3", "Options overview", "DCM, AFC, KinematicsOpt (if licensed on the machine)"),
    ]
    table = doc.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value

    doc.add_heading("3. Key points from the course", level=1)
    doc.add_heading("3.1 PLANE SPATIAL", level=2)
    doc.add_paragraph(
        "PLANE SPATIAL defines the tilted plane with three spatial angles SPA, SPB and SPC, applied about "
        "the fixed machine axes. TURN lets the control position the rotary axes automatically; MB MAX "
        "retracts the tool to the limit before tilting. Participants who came from FANUC compared it with "
        "G68.2; the idea is similar, but the angle definition and the positioning behaviour differ."
    )
    doc.add_heading("3.2 FUNCTION TCPM", level=2)
    doc.add_paragraph(
        "FUNCTION TCPM is a software option of the TNC 640 (available where it is licensed on the machine). "
        "It keeps the tool tip on the programmed position when the rotary axes move. The options "
        "F TCP / F CONT define how the feed rate is interpreted, AXIS POS / AXIS SPAT how the angles are "
        "interpreted and PATHCTRL AXIS / PATHCTRL VECTOR how the orientation is interpolated."
    )
    doc.add_heading("3.3 Facts quoted in the course", level=2)
    doc.add_paragraph(
        "Q parameters Q0 to Q1999 are available, plus QL (local), QR (non-volatile) and QS (string) "
        "parameters. HEIDENHAIN states a block processing time of 0.5 ms for the TNC 640. Spindle power "
        "is not a control property and was not discussed."
    )

    doc.add_heading("4. Participants' feedback", level=1)
    doc.add_paragraph(
        "Most requested follow-up: a one-day workshop on Dynamic Collision Monitoring set-up for fixtures."
    )
    doc.save(str(path))
    _normalise_zip(path)
    return path


# --------------------------------------------------------------------------- XLSX


def build_machine_park_xlsx(out: Path) -> Path:
    from openpyxl import Workbook

    path = out / "shared" / "machine-park.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    wb.properties.creator = AUTHOR
    wb.properties.title = "Our machine park - controls and machine data (internal)"
    wb.properties.created = FIXED_DATE
    wb.properties.modified = FIXED_DATE
    wb.properties.lastModifiedBy = AUTHOR

    ws = wb.active
    ws.title = "Machines"
    header = [
        "machine",
        "machine_type",
        "control",
        "spindle_max_rpm",
        "spindle_power_kW",
        "rapid_traverse_m_min",
        "data_status",
        "notes",
    ]
    rows = [
        [
            "MX-500",
            "Vertical machining centre (built by us)",
            "SINUMERIK 828D",
            12000,
            15,
            36,
            "our machine data, release 2.1",
            "Rapid traverse raised from 30 to 36 m/min in release 2.1; spindle power S6-40 %",
        ],
        [
            "FM-1200",
            "Bed-type milling machine (built by us)",
            "Fagor 8065",
            8000,
            18.5,
            30,
            "our machine data, 2024 version",
            "Spindle power S6-40 %; Z rapid 24 m/min",
        ],
        [
            "VF-2 cell 3",
            "Haas vertical machining centre",
            "Haas Next Generation Control",
            8100,
            22.4,
            None,
            "nameplate / our measurements",
            "30 hp max. rating (nameplate); rapid not recorded here",
        ],
        [
            "KM-3",
            "Knee mill, retrofit (our machine)",
            "LinuxCNC",
            None,
            None,
            None,
            "our retrofit",
            "Servo period 1 ms chosen in the INI file",
        ],
    ]
    ws.append(header)
    for row in rows:
        ws.append(row)
    for col, width in zip("ABCDEFGH", (14, 40, 30, 16, 17, 21, 32, 70), strict=True):
        ws.column_dimensions[col].width = width

    info = wb.create_sheet("About")
    info.append(["Our machine park - controls and machine data (internal document)"])
    info.append(["All numbers are data of our own machines (nameplates, our measurements, our releases)."])
    info.append(["They are not specifications of the CNC controls named in the 'control' column."])
    wb.save(str(path))
    _normalise_zip(path)
    return path


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parent.parent / "data"
    parser.add_argument("--out", type=Path, default=default_out, help="target data directory")
    args = parser.parse_args(argv)
    out: Path = args.out
    built = [
        build_840d_pdf(out),
        build_31i_pdf(out),
        build_tnc_docx(out),
        build_machine_park_xlsx(out),
    ]
    for path in built:
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
