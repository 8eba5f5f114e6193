"""Generate the binary documents (xlsx, docx, pdf, pptx) of the invented4 set.

Deterministic: fixed document properties, reportlab's invariant mode and zip entries rewritten
with one fixed timestamp, so running it twice gives the same bytes.

    /work/main/.venv/bin/python bench/sets/invented4/make_binary.py
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"
FIXED = dt.datetime(2024, 6, 1, 9, 0, 0)
ZIP_TIME = (2024, 6, 1, 9, 0, 0)


def normalize_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed entry timestamps (same order, same content)."""
    with zipfile.ZipFile(path) as zin:
        items = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>2024-06-01T09:00:00Z\g<2>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)


# --------------------------------------------------------------------------- PDF
def _pdf(path: Path, title: str, subtitle: str, blocks: list) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, invariant=1, title=title, author="", creator="", producer="",
        leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
    )
    story = [Paragraph(title, styles["Title"]), Paragraph(subtitle, styles["Italic"]), Spacer(1, 6 * mm)]
    for kind, content in blocks:
        if kind == "h":
            story.append(Paragraph(content, styles["Heading2"]))
        elif kind == "p":
            story.append(Paragraph(content, styles["BodyText"]))
            story.append(Spacer(1, 2 * mm))
        elif kind == "t":
            table = Table(content, colWidths=[70 * mm, 100 * mm])
            table.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, -1), "Helvetica", 9.5),
                ("FONT", (0, 0), (0, -1), "Helvetica-Bold", 9.5),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(table)
            story.append(Spacer(1, 4 * mm))
    doc.build(story)


def vc880_datasheet() -> None:
    _pdf(
        DOCS / "velloran-vc880" / "VC-880_Datasheet_Rev2022.pdf",
        "Velloran VC-880 - 5-Axis Milling Control",
        "Technical datasheet DS-VC880-EN, Rev. 2022-09 - Velloran Steuerungstechnik GmbH",
        [
            ("p", "The VC-880 is Velloran's high-end CNC for 5-axis milling centres, mould making and "
                  "aerospace parts. Control unit and operator panel are connected by a single "
                  "Ethernet cable."),
            ("h", "System"),
            ("t", [
                ["Real-time operating system", "VelOS 3.1 (Linux with PREEMPT_RT)"],
                ["Processor", "Industrial PC, quad-core x86, 2.4 GHz"],
                ["Part program memory", "4 GB (user partition)"],
                ["Display", "21.5\" multi-touch, 1920 x 1080"],
            ]),
            ("h", "Axes and channels"),
            ("t", [
                ["Maximum number of axes", "12 axes, plus up to 4 spindles"],
                ["Simultaneously interpolated axes", "6"],
                ["Machining channels", "2 (second channel optional)"],
            ]),
            ("h", "Performance"),
            ("t", [
                ["Block processing time", "0.5 ms"],
                ["Look-ahead", "500 blocks"],
                ["Position control cycle", "125 \u00b5s"],
                ["Max. programmable feed rate", "200 m/min"],
                ["Max. programmable spindle speed", "60 000 rpm"],
                ["Resolution", "0.1 \u00b5m linear, 0.0001\u00b0 rotary"],
            ]),
            ("h", "Interfaces"),
            ("t", [
                ["Drive bus", "EtherCAT"],
                ["Onboard digital I/O", "64 digital inputs / 48 digital outputs, 24 V DC"],
                ["Electronic handwheels", "up to 3"],
                ["Network / USB", "2 x Gigabit Ethernet, 4 x USB 3.0 (1 on the front panel)"],
                ["OPC UA server", "option"],
            ]),
            ("h", "PLC"),
            ("t", [
                ["Programming", "integrated soft PLC, IEC 61131-3 (ST, LD, FBD)"],
                ["Minimum PLC cycle time", "1 ms"],
            ]),
            ("h", "Environment and supply"),
            ("t", [
                ["Operating temperature", "+5 \u00b0C to +45 \u00b0C"],
                ["Storage temperature", "-20 \u00b0C to +70 \u00b0C"],
                ["Front panel protection", "IP65"],
                ["Supply voltage", "24 V DC \u00b120 %"],
                ["Power consumption (control unit)", "120 W"],
            ]),
            ("h", "Warranty"),
            ("p", "24 months from commissioning, parts and labour at the Velloran service centre."),
        ],
    )


def axiom7_brochure() -> None:
    _pdf(
        DOCS / "Quintrel-Axiom7" / "Axiom7_Brochure_EN.pdf",
        "Quintrel Axiom 7 - Power for complex machining",
        "Product brochure, edition 2024 - Quintrel Automation Ltd.",
        [
            ("p", "Axiom 7 is the flagship CNC of Quintrel Automation Ltd. for multi-channel "
                  "machining centres, mill-turn machines and production cells. One control runs "
                  "up to four machining channels in parallel."),
            ("h", "Key data"),
            ("t", [
                ["Real-time operating system", "QNX Neutrino RTOS 7.1"],
                ["Axes", "up to 16 axes"],
                ["Channels", "up to 4 (channels 1-2 standard, channels 3-4 optional)"],
                ["Simultaneously interpolated axes", "8"],
                ["Block cycle time", "250 \u00b5s"],
                ["Look-ahead", "800 blocks"],
                ["Position control", "8 kHz"],
                ["Max. feed rate", "240 m/min"],
                ["Program storage", "16 GB industrial SSD"],
                ["RAM", "8 GB"],
                ["Display", "24\" widescreen multi-touch"],
            ]),
            ("h", "Automation"),
            ("t", [
                ["Drive bus", "EtherCAT"],
                ["PLC I/O", "PROFINET controller"],
                ["PLC", "IEC 61131-3, all five languages (IL, LD, FBD, ST, SFC)"],
                ["Tool management", "2 000 tool entries"],
            ]),
            ("h", "5-axis and connectivity"),
            ("p", "Tool centre point management (AXTCP) and tilted working planes (AXPLANE) are "
                  "standard on every Axiom 7. The built-in OPC UA server is standard; an MTConnect "
                  "adapter is available as an option."),
        ],
    )


# --------------------------------------------------------------------------- XLSX
def _workbook():
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = "Comercial"
    wb.properties.lastModifiedBy = "Comercial"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def vc880_options() -> None:
    from openpyxl.styles import Font

    wb = _workbook()
    ws = wb.active
    ws.title = "Opciones VC-880"
    ws["A1"] = "Lista de opciones Velloran VC-880 - válida desde 01/2023 (precios netos en EUR)"
    ws["A1"].font = Font(bold=True)
    ws.append([])
    ws.append(["Código", "Descripción", "Estándar / Opción", "Precio (EUR)"])
    rows = [
        ("VC-BASE", "Control VC-880 básico, 1 canal de mecanizado", "Estándar", None),
        ("VC-STD-02", "DNC por Ethernet", "Estándar", None),
        ("VC-OPT-05", "Servidor OPC UA", "Opción", 890),
        ("VC-OPT-09", "Volante electrónico adicional (2.º y 3.º volante), precio por volante", "Opción", 420),
        ("VC-OPT-12", "Transformación 5 ejes TCP (G184 / G185)", "Opción", 3200),
        ("VC-OPT-17", "Monitorización de colisión 3D (VCM)", "Opción", 1450),
        ("VC-OPT-21", "Diagnóstico remoto VelRemote", "Opción", 650),
        ("VC-OPT-22", "Segundo canal de mecanizado", "Opción", 2100),
        ("VC-OPT-25", "Ampliación de garantía a 36 meses", "Opción", 780),
    ]
    for row in rows:
        ws.append(list(row))
    for cell in ws["D"][3:]:
        cell.number_format = "#,##0"
    for col, width in zip("ABCD", (12, 70, 18, 14), strict=True):
        ws.column_dimensions[col].width = width
    notes = wb.create_sheet("Notas")
    notes.append(["Los precios no incluyen IVA ni puesta en marcha."])
    notes.append(["La garantía estándar del VC-880 es de 24 meses."])
    notes.append(["Plazo de entrega de licencias: 5 días laborables."])
    path = DOCS / "velloran-vc880" / "lista_opciones_VC880_2023.xlsx"
    wb.save(path)
    normalize_zip(path)


def axiom7_prices() -> None:
    from openpyxl.styles import Font

    wb = _workbook()
    ws = wb.active
    ws.title = "Tarifa 2024"
    ws["A1"] = "Quintrel Axiom 7 - Tarifa de opciones, válida desde 01/03/2024"
    ws["A1"].font = Font(bold=True)
    ws.append(["Ref.", "Opción", "De serie", "Precio (€)"])
    rows = [
        ("AX-5TCP", "Transformación 5 ejes TCP y planos inclinados", "Sí", "incluido"),
        ("AX-OPC", "Servidor OPC UA", "Sí", "incluido"),
        ("AX-MTC", "Adaptador MTConnect", "No", 1150),
        ("AX-CH4", "Canales de mecanizado 3 y 4", "No", 1800),
        ("AX-VOL", "Compensación volumétrica", "No", 2900),
        ("AX-RMT", "Teleservicio Quintrel Link", "No", 480),
        ("AX-DXF", "Importación DXF a pie de máquina", "No", 620),
    ]
    for row in rows:
        ws.append(list(row))
    for cell in ws["D"][2:]:
        cell.number_format = "#,##0"
    for col, width in zip("ABCD", (10, 50, 10, 12), strict=True):
        ws.column_dimensions[col].width = width
    path = DOCS / "Quintrel-Axiom7" / "Lista_precios_opciones_Axiom7_2024.xlsx"
    wb.save(path)
    normalize_zip(path)


# --------------------------------------------------------------------------- DOCX
def _document():
    from docx import Document

    doc = Document()
    cp = doc.core_properties
    cp.author = ""
    cp.last_modified_by = ""
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    return doc


def vc420t_data() -> None:
    doc = _document()
    doc.add_heading("Velloran VC-420T - Technical Data", level=1)
    doc.add_paragraph(
        "The VC-420T is the turning control of Velloran Steuerungstechnik GmbH for CNC lathes and "
        "turning centres. It shares the VelOS platform and the operating concept of the VC-880 milling control."
    )
    doc.add_heading("Technical data", level=2)
    rows = [
        ("Application", "CNC lathes and turning centres with up to 2 turrets"),
        ("Real-time operating system", "VelOS 3 (Linux with PREEMPT_RT)"),
        ("Maximum axes", "6 axes + 2 spindles"),
        ("Simultaneously interpolated axes", "4"),
        ("Channels", "2"),
        ("Block processing time", "1 ms"),
        ("Look-ahead", "200 blocks"),
        ("Position control cycle", "250 \u00b5s"),
        ("Maximum spindle speed", "8 000 min-1"),
        ("Rapid traverse", "up to 60 m/min"),
        ("Part program memory", "512 MB"),
        ("Display", "15\" colour TFT, resistive touch"),
        ("Drive bus", "EtherCAT"),
        ("Digital I/O", "32 inputs / 24 outputs"),
        ("Electronic handwheel", "1 (portable)"),
        ("Tool offset memory", "128 offset pairs"),
        ("Operating temperature", "0 \u00b0C to 50 \u00b0C"),
        ("Front panel protection", "IP54"),
    ]
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    doc.add_heading("Turning functions", level=2)
    doc.add_paragraph(
        "Constant surface speed (G96), multi-pass thread cutting cycle THREADCUT, rough turning cycle "
        "ROUGHTURN, C axis and optional Y axis for driven tools, sub-spindle synchronisation for part transfer."
    )
    path = DOCS / "Velloran VC-420T" / "VC-420T Technical Data.docx"
    doc.save(path)
    normalize_zip(path)


def zr6_bulletin() -> None:
    doc = _document()
    doc.add_heading("Boletín de servicio BS-2023-07", level=1)
    doc.add_paragraph("Producto: Orsomatic ZR-6 · Fecha: 12/09/2023 · "
                      "Afecta a: números de serie ZR6-21-0001 a ZR6-23-0399")
    doc.add_paragraph("Emitido por: Servicio técnico, Orsomatic Ibérica S.L., Zaragoza")

    doc.add_heading("1. Longitud máxima del cable de encóder", level=2)
    doc.add_paragraph(
        "Tras varios casos de errores de comunicación en máquinas grandes, se reduce la longitud "
        "máxima admisible del cable de encóder de 50 m a 25 m. Para distancias mayores debe "
        "instalarse el módulo repetidor ZR6-REP."
    )
    doc.add_heading("2. Batería de respaldo", level=2)
    doc.add_paragraph(
        "La batería de respaldo de la CPU (tipo CR2032) debe sustituirse cada 4 años, o antes si "
        "aparece el aviso «BAT BAJA». Sustituirla con el control encendido para no perder los datos."
    )
    doc.add_heading("3. Bornes de alimentación", level=2)
    doc.add_paragraph("Par de apriete de los bornes de alimentación de 24 V CC: 0,5 Nm.")
    doc.add_heading("4. Firmware", level=2)
    doc.add_paragraph(
        "El firmware 5.3.1 es la versión vigente. Corrige la pérdida de la referencia del eje C "
        "tras un corte de tensión. Instalar con la herramienta ZR-Service desde una memoria USB."
    )
    doc.add_heading("Repuestos", level=2)
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Pieza"
    table.rows[0].cells[1].text = "Referencia"
    for part, ref in (("Batería CR2032", "ZR6-BAT"), ("Módulo repetidor de encóder", "ZR6-REP")):
        cells = table.add_row().cells
        cells[0].text = part
        cells[1].text = ref
    path = DOCS / "orsomatic_zr6_docs" / "boletin_servicio_BS-2023-07.docx"
    doc.save(path)
    normalize_zip(path)


# --------------------------------------------------------------------------- PPTX
def nordline_training() -> None:
    from pptx import Presentation

    prs = Presentation()
    cp = prs.core_properties
    cp.author = ""
    cp.last_modified_by = ""
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1

    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = "Nordline 310 - Operator Training, Level 1"
    title.placeholders[1].text = "Halvik Academy · Course duration: 3 days (24 hours)"

    slides = [
        ("Course agenda", [
            "Day 1: operator panel, safety, jogging and reference run",
            "Day 2: program structure, variables, canned cycles",
            "Day 3: 5-axis work (WPLANE, TCPLOCK) and final exam",
        ]),
        ("The operator panel", [
            "15.6\" touchscreen with gesture control",
            "Up to 4 electronic handwheels (1 on the panel, 3 portable)",
            "Feed and spindle override, E-stop, key switch",
        ]),
        ("Quick facts", [
            "Block rate: 2 500 blocks/s (0.4 ms per block)",
            "Look-ahead: 2 000 blocks",
            "9 axes in 3 channels",
        ]),
        ("5-axis programming", [
            "WPLANE EULER 0 30 45  - tilt the working plane",
            "WPLANE RESET  - back to the machine plane",
            "TCPLOCK ON / TCPLOCK OFF  - tool centre point control",
        ]),
        ("Safety", [
            "Safe stop reaction time: 6 ms",
            "Never bypass the door interlock",
            "Check the handwheel enable button before moving axes",
        ]),
        ("Final exam", [
            "20 questions, pass mark 75 %",
            "Certificate: Nordline Operator Level 1",
        ]),
    ]
    for heading, bullets in slides:
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = heading
        frame = slide.placeholders[1].text_frame
        frame.text = bullets[0]
        for bullet in bullets[1:]:
            frame.add_paragraph().text = bullet
    path = DOCS / "HalvikNordline310" / "Nordline310_Operator_Training.pptx"
    prs.save(path)
    normalize_zip(path)


def main() -> None:
    vc880_datasheet()
    axiom7_brochure()
    vc880_options()
    axiom7_prices()
    vc420t_data()
    zr6_bulletin()
    nordline_training()
    for path in sorted(DOCS.rglob("*")):
        if path.suffix in {".pdf", ".xlsx", ".docx", ".pptx"}:
            print(path.relative_to(DOCS), path.stat().st_size)


if __name__ == "__main__":
    main()
