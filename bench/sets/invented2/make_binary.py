"""Generate the binary documents (PDF, DOCX, XLSX, PPTX) of the invented2 set.

Run from the repository root:
    .venv/bin/python bench/sets/invented2/make_binary.py
Every file is rewritten; the output is deterministic except for timestamps inside the
containers.
"""
from __future__ import annotations

import os
from pathlib import Path

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from pptx import Presentation
from pptx.util import Inches, Pt as PPt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

DOCS = Path(__file__).resolve().parent / "docs"


# --------------------------------------------------------------------------- PDF helpers
def _font() -> str:
    """A TrueType font with Latin-1 coverage (accents, µ, °)."""
    candidates = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        os.path.join(os.path.dirname(__import__("reportlab").__file__), "fonts", "Vera.ttf"),
    ]
    bold = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        os.path.join(os.path.dirname(__import__("reportlab").__file__), "fonts", "VeraBd.ttf"),
    ]
    for reg, bd in zip(candidates, bold):
        if os.path.exists(reg) and os.path.exists(bd):
            pdfmetrics.registerFont(TTFont("Doc", reg))
            pdfmetrics.registerFont(TTFont("Doc-Bold", bd))
            return "Doc"
    return "Helvetica"


FONT = _font()
BOLD = "Doc-Bold" if FONT == "Doc" else "Helvetica-Bold"


def _styles(accent: colors.Color):
    ss = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("t", parent=ss["Title"], fontName=BOLD, fontSize=18,
                                textColor=accent, alignment=0, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=ss["Heading2"], fontName=BOLD, fontSize=12.5,
                             textColor=accent, spaceBefore=10, spaceAfter=4),
        "body": ParagraphStyle("b", parent=ss["BodyText"], fontName=FONT, fontSize=9.5,
                               leading=13),
        "small": ParagraphStyle("s", parent=ss["BodyText"], fontName=FONT, fontSize=7.5,
                                leading=10, textColor=colors.grey),
        "cell": ParagraphStyle("c", parent=ss["BodyText"], fontName=FONT, fontSize=9,
                               leading=11),
        "cellb": ParagraphStyle("cb", parent=ss["BodyText"], fontName=BOLD, fontSize=9,
                                leading=11),
        "code": ParagraphStyle("code", parent=ss["Code"], fontName="Courier", fontSize=8.5,
                               leading=11, leftIndent=8),
    }


def _table(rows, st, widths, head_bg):
    data = [[Paragraph(str(c), st["cellb"] if i == 0 else st["cell"]) for c in r]
            for i, r in enumerate(rows)]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), head_bg),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f4f4f4")]),
    ]))
    return t


# --------------------------------------------------------------------------- Dravonik PDF
def dravonik_pdf():
    out = DOCS / "dravonik-dx40" / "DX40_Technical_Data.pdf"
    accent = colors.HexColor("#8a1c1c")
    st = _styles(accent)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm,
                            title="DX-40 Technical Data", author="Dravonik Steuerungstechnik GmbH")
    e = [
        Paragraph("DRAVONIK STEUERUNGSTECHNIK GMBH · PFORZHEIM", st["small"]),
        Paragraph("DX-40 CNC System — Technical Data", st["title"]),
        Paragraph("Document TD-DX40 · Edition 2022-03 · valid for system software DRX 3.1",
                  st["small"]),
        Spacer(1, 4 * mm),
        Paragraph("The Dravonik DX-40 is a compact panel CNC for milling, drilling and mill-turn "
                  "machines. NC kernel, PLC and HMI run on one panel unit; drives and I/O are "
                  "connected through EtherCAT. For larger machines with more channels see the "
                  "DX-60.", st["body"]),
        Paragraph("1 System data", st["h2"]),
        _table([
            ["Feature", "DX-40"],
            ["Number of axes (max.)", "12, including spindles"],
            ["Simultaneously interpolating axes", "4 standard; 5 with option 5AX-SIM"],
            ["Machining channels", "2 (up to 4 with option MC-4)"],
            ["Spindles (max.)", "3"],
            ["Block cycle time", "1 ms"],
            ["Look-ahead", "200 blocks"],
            ["Interpolation resolution", "0.1 µm"],
            ["Max. programmable spindle speed", "60 000 min-1"],
            ["Tool management", "1 500 tools, up to 9 cutting edges per tool"],
            ["NC memory for part programs", "2 GB (CFast card)"],
            ["Working memory", "8 GB DDR4"],
        ], st, [70 * mm, 100 * mm], colors.HexColor("#f0d8d8")),
        Paragraph("2 Hardware, software and interfaces", st["h2"]),
        _table([
            ["Feature", "DX-40"],
            ["HMI", "DraVis 5, 15.6\" multi-touch display, 1920 × 1080"],
            ["Operating system", "Windows 10 IoT Enterprise LTSC (HMI); NC on the DRX-RT "
                                 "real-time kernel"],
            ["Drive bus", "EtherCAT (CoE), cycle time min. 250 µs"],
            ["PLC / cell fieldbus", "PROFINET IO device (option PN-DEV)"],
            ["OPC UA server", "option OPCUA-S"],
            ["On-board I/O", "32 digital inputs / 24 digital outputs, 24 V DC; expandable to "
                             "1 024 / 1 024 through EtherCAT terminals"],
            ["Supply voltage", "24 V DC ±15 %"],
            ["Power consumption", "120 W (without I/O load)"],
            ["Ambient temperature", "5 … 45 °C (operation)"],
            ["Degree of protection", "IP65 front, IP20 rear"],
            ["System software", "DRX 3.1"],
        ], st, [70 * mm, 100 * mm], colors.HexColor("#f0d8d8")),
        PageBreak(),
        Paragraph("3 Standard functions and options", st["h2"]),
        _table([
            ["Function", "Availability", "Remark"],
            ["Tool radius compensation, spline interpolation BSPL", "standard", ""],
            ["Rigid tapping (CYC_TAP)", "standard", ""],
            ["Tilted working plane PLANE_TILT", "standard", "3+2 machining"],
            ["5-axis simultaneous machining incl. TOOLTIP", "option 5AX-SIM",
             "needs machine with two rotary axes"],
            ["Multi-channel operation, 3 or 4 channels", "option MC-4", ""],
            ["PROFINET IO device", "option PN-DEV", "PN interface board required"],
            ["OPC UA server", "option OPCUA-S", ""],
            ["Measuring cycles CYC_PRB4xx", "standard", "touch probe required"],
        ], st, [78 * mm, 38 * mm, 54 * mm], colors.HexColor("#f0d8d8")),
        Spacer(1, 6 * mm),
        Paragraph("All data refer to the DX-40 control. The performance of a machine tool (speeds, "
                  "feeds, travels, power) is defined by the machine builder. Subject to technical "
                  "changes. © Dravonik Steuerungstechnik GmbH.", st["small"]),
    ]
    doc.build(e)


# --------------------------------------------------------------------------- Noravel PDF
def noravel_pdf():
    out = DOCS / "noravel-nv12" / "Catalogo_NV12.pdf"
    accent = colors.HexColor("#0b5d3b")
    st = _styles(accent)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title="Catálogo NV-12", author="Noravel Sistemas CNC")
    e = [
        Paragraph("Noravel Sistemas CNC, S.A. de C.V. — Querétaro, México", st["small"]),
        Paragraph("Control CNC NV-12 para tornos y centros de torneado", st["title"]),
        Paragraph("Catálogo de producto 2024 · NV-Soft 4.1", st["small"]),
        Spacer(1, 4 * mm),
        Paragraph("El NV-12 es el control de Noravel para tornos de uno o dos husillos, con "
                  "herramienta motorizada y eje Y. Trabaja con dos canales de serie para mecanizar "
                  "simultáneamente en el husillo principal y en el contrahusillo.", st["body"]),
        Paragraph("Características técnicas", st["h2"]),
        _table([
            ["Característica", "NV-12"],
            ["Ejes", "hasta 10 (4 interpolados por canal)"],
            ["Canales", "2 de serie"],
            ["Husillos", "3 (principal, contrahusillo y herramienta motorizada)"],
            ["Tiempo de procesamiento de bloque", "0,8 ms"],
            ["Look-ahead", "150 bloques"],
            ["Resolución de interpolación", "0,1 µm"],
            ["Velocidad máxima programable del husillo", "10 000 min-1"],
            ["Avance rápido", "hasta 100 m/min"],
            ["Tabla de herramientas", "99 herramientas / 999 correctores"],
            ["Memoria de programas", "512 MB"],
            ["Sistema operativo", "Windows 10 IoT Enterprise (HMI) y núcleo de tiempo real NOR-RT"],
            ["Interfaz de operador", "NoraView, pantalla táctil de 15\""],
            ["Bus de accionamientos", "EtherCAT"],
            ["E/S integradas", "32 entradas / 32 salidas digitales, 24 Vcc"],
            ["Alimentación", "24 Vcc"],
            ["Consumo", "80 W"],
            ["Versión de software", "NV-Soft 4.1"],
        ], st, [72 * mm, 98 * mm], colors.HexColor("#d5ecdf")),
        Paragraph("Funciones estándar y opcionales", st["h2"]),
        _table([
            ["Función", "Disponibilidad"],
            ["Roscado rígido (también con herramienta motorizada)", "estándar desde NV-Soft 4.0"],
            ["Sincronización de contrahusillo (M210 / M211)", "estándar"],
            ["Eje Y", "opción"],
            ["PROFINET (tarjeta PN-12)", "opción"],
            ["MTConnect", "opción, a partir de NV-Soft 4.1"],
            ["Palpador de herramientas de brazo", "opción"],
        ], st, [100 * mm, 70 * mm], colors.HexColor("#d5ecdf")),
        Spacer(1, 6 * mm),
        Paragraph("Los datos de velocidad, potencia y recorridos de cada torno los fija el "
                  "fabricante de la máquina. Noravel se reserva el derecho de modificar estas "
                  "especificaciones.", st["small"]),
    ]
    doc.build(e)


# --------------------------------------------------------------------------- Taluma PDF
def taluma_pdf():
    out = DOCS / "taluma-tm5" / "TM5_programming_handbook.pdf"
    accent = colors.HexColor("#1d3f8f")
    st = _styles(accent)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title="TM5 Programming Handbook", author="Taluma Motion Co., Ltd.")
    B, C, H = st["body"], st["code"], st["h2"]
    e = [
        Paragraph("TALUMA MOTION CO., LTD.", st["small"]),
        Paragraph("TM5 Programming Handbook (Milling)", st["title"]),
        Paragraph("Publication TMC-TM5-PRG-E, 2nd edition — for TM5 OS 2.0 and later", st["small"]),
        Spacer(1, 4 * mm),
        Paragraph("1. Variables", H),
        Paragraph("The TM5 has local variables <b>VL1 to VL99</b>, which exist only while the "
                  "program or subprogram that defines them is running, and common variables "
                  "<b>VC1 to VC999</b>, which are retained after power-off. VC900 to VC999 are "
                  "reserved for Taluma cycles and must not be written by user programs.", B),
        Paragraph("2. Subprogram call", H),
        Paragraph("A subprogram is called with PCALL followed by the program name. L gives the "
                  "number of repetitions. The subprogram ends with END PROGRAM or RET.", B),
        Paragraph('PCALL "POCKET01" L3', C),
        Paragraph("3. Tilted work plane (TWP)", H),
        Paragraph("TWP SPATIAL defines the working plane with spatial angles A, B and C. TWP MOVE "
                  "positions the rotary axes. <b>TWP RESET</b> cancels the tilted working plane; "
                  "the machine coordinate system is then active again. TWP is a standard "
                  "function.", B),
        Paragraph("TWP SPATIAL A+0 B+30 C+0<br/>TWP MOVE<br/>...<br/>TWP RESET", C),
        Paragraph("While TWP is active, reference point return is blocked (alarm A-0731).", B),
        Paragraph("4. Tool centre point control (option 5X-SIM)", H),
        Paragraph("<b>TCP ON</b> activates tool centre point control for 5-axis simultaneous "
                  "machining; <b>TCP OFF</b> deactivates it. Without the option 5X-SIM the "
                  "command raises alarm A-3002.", B),
        Paragraph("5. High-speed machining mode (HSM)", H),
        Paragraph("HSM ON Q1 (roughing), HSM ON Q2 (semi-finishing) or HSM ON Q3 (finishing) "
                  "activates the high-speed mode with the selected quality level. <b>HSM OFF</b> "
                  "switches the mode off. M30 also switches HSM off.", B),
        Paragraph("6. Thread cutting", H),
        Paragraph("G33 cuts a thread with constant lead (F = lead). G34 cuts a thread with "
                  "variable lead (K = lead change per revolution). For thread milling use the "
                  "cycle CYC THREADMILL.", B),
        PageBreak(),
        Paragraph("7. Touch probing cycles (TC-400 series)", H),
        _table([
            ["Cycle", "Function"],
            ["TC410", "Measure bore: centre and diameter"],
            ["TC420", "Measure boss: centre and diameter"],
            ["TC430", "Measure edge / single surface"],
            ["TC450", "Measure angle of a plane"],
            ["TC460", "Calibrate the touch probe (stylus radius and centre offset) on a ring gauge"],
        ], st, [30 * mm, 140 * mm], colors.HexColor("#d9e2f5")),
        Paragraph("Results are written to VC901–VC910.", B),
        Paragraph("8. Alarm messages", H),
        _table([
            ["Alarm", "Meaning", "Remedy"],
            ["A-0731", "TWP active: axis cannot be referenced", "Program TWP RESET first"],
            ["A-1204", "HSM quality level out of range", "Use Q1, Q2 or Q3"],
            ["A-2210", "Stylus already deflected before the measuring move",
             "Move the probe clear of the workpiece"],
            ["A-3002", "TCP requested without option 5X-SIM", "Install the option"],
            ["A-4100", "Variable number out of range (VL1–VL99, VC1–VC999)", "Correct the program"],
        ], st, [22 * mm, 82 * mm, 66 * mm], colors.HexColor("#d9e2f5")),
    ]
    doc.build(e)


# --------------------------------------------------------------------------- Ilvento DOCX
def ilvento_docx():
    out = DOCS / "ilvento-iv300" / "Ficha_tecnica_IV300.docx"
    d = Document()
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(10)
    d.add_paragraph("Ilvento Controles S.L. · Eibar (Gipuzkoa)")
    d.add_heading("Ficha técnica — Control numérico IV-300", level=1)
    d.add_paragraph("Control compacto para tornos y fresadoras de 2 a 4 ejes. Ficha válida para la "
                    "versión de software 2.5 (enero de 2023).")
    d.add_heading("Datos técnicos", level=2)
    rows = [
        ("Aplicación", "Tornos y fresadoras de 2 a 4 ejes"),
        ("Número máximo de ejes", "6 (4 interpolados)"),
        ("Canales", "1"),
        ("Cabezales", "2"),
        ("Tiempo de ciclo de bloque", "1,5 ms"),
        ("Anticipación (look-ahead)", "100 bloques"),
        ("Resolución de interpolación", "1 µm"),
        ("Velocidad máxima de cabezal", "15.000 min⁻¹"),
        ("Velocidad máxima de avance rápido", "50 m/min"),
        ("Correctores de herramienta", "200"),
        ("Memoria de programas", "1 GB"),
        ("Sistema operativo", "Linux embebido con núcleo de tiempo real (5.10-rt)"),
        ("Pantalla", "10,4\" táctil capacitiva"),
        ("Bus de accionamientos", "EtherCAT"),
        ("Comunicaciones", "Ethernet, USB 2.0, Modbus RTU (RS-485)"),
        ("Entradas / salidas integradas", "16 entradas digitales, 16 salidas digitales, "
                                          "4 entradas analógicas ±10 V"),
        ("Alimentación", "24 Vcc"),
        ("Consumo", "45 W"),
        ("Temperatura de trabajo", "0 a 45 °C"),
        ("Versión de software", "2.5"),
    ]
    t = d.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    t.rows[0].cells[0].text = "Característica"
    t.rows[0].cells[1].text = "IV-300"
    for k, v in rows:
        c = t.add_row().cells
        c[0].text, c[1].text = k, v
    d.add_heading("Funciones estándar y opciones", level=2)
    t2 = d.add_table(rows=1, cols=3)
    t2.style = "Table Grid"
    for i, h in enumerate(("Función", "Disponibilidad", "Condiciones")):
        t2.rows[0].cells[i].text = h
    for r in [
        ("Roscado rígido (G84)", "Estándar", "—"),
        ("Ciclos de palpado PALPA", "Opción", "Licencia PRB; versión de software 2.5 o superior"),
        ("Gestión de vida de herramienta", "Opción", "Licencia TVH"),
        ("Eje C en torno", "Opción", "Versión 2.5 o superior; motor de cabezal con encóder"),
        ("Compensación de radio G41/G42", "Estándar", "—"),
    ]:
        c = t2.add_row().cells
        for i, v in enumerate(r):
            c[i].text = v
    d.add_paragraph("")
    d.add_paragraph("Los datos de cada máquina (potencia del cabezal, recorridos, velocidades de "
                    "los ejes) dependen del fabricante de la máquina. Ilvento se reserva el "
                    "derecho de modificar esta ficha sin previo aviso.")
    d.core_properties.author = "Ilvento Controles S.L."
    d.core_properties.title = "Ficha técnica IV-300"
    d.save(out)


# --------------------------------------------------------------------------- retrofit DOCX
def retrofit_docx():
    out = DOCS / "comparisons" / "Guia_retrofit_2024.docx"
    d = Document()
    d.styles["Normal"].font.name = "Calibri"
    d.styles["Normal"].font.size = Pt(11)
    d.add_heading("Guía de retrofit 2024: ¿qué control elegir?", level=1)
    d.add_paragraph("Suministros CNC Levante S.L. — Departamento técnico. Documento para clientes, "
                    "febrero de 2024. Las cifras proceden de las fichas técnicas que nos han "
                    "facilitado los fabricantes; compruebe siempre la versión de software vigente.")
    d.add_heading("1. Fresadoras y centros de 5 ejes", level=2)
    d.add_paragraph("Taluma TM5: es el control más rápido de nuestra gama, con 0,25 ms por bloque y "
                    "1.000 bloques de look-ahead. Los 5 ejes simultáneos requieren la opción "
                    "5X-SIM.", style="List Bullet")
    d.add_paragraph("Dravonik DX-40: tiempo de ciclo de bloque de 1 ms y 200 bloques de "
                    "look-ahead según la ficha técnica TD-DX40. El mecanizado en 5 ejes "
                    "simultáneos es la opción 5AX-SIM.", style="List Bullet")
    d.add_heading("2. Fresadoras de 3 y 4 ejes", level=2)
    d.add_paragraph("Sennmark SM-7: procesa 2.000 bloques por segundo y trae el servidor OPC UA "
                    "de serie. Buena opción para células automatizadas.", style="List Bullet")
    d.add_paragraph("Ilvento IV-300: la solución más económica. 1,5 ms de ciclo de bloque y "
                    "100 bloques de anticipación. Fabricado en Eibar, con asistencia en "
                    "castellano.", style="List Bullet")
    d.add_heading("3. Tornos", level=2)
    d.add_paragraph("Noravel NV-12: dos canales de serie, ideal para tornos con contrahusillo. "
                    "Sólo para tornos: no se puede montar en fresadoras.", style="List Bullet")
    d.add_paragraph("Kestrin K620 (versión K620T): un solo canal. Atención: los "
                    "servoamplificadores van por el bus propietario K-Link, por lo que en un "
                    "retrofit hay que cambiarlos.", style="List Bullet")
    d.add_heading("4. Qué datos pedir al fabricante de la máquina", level=2)
    d.add_paragraph("La potencia del cabezal, los recorridos y la velocidad de los ejes son datos "
                    "de la máquina, no del control. Pida siempre la hoja de datos de máquina "
                    "además de la ficha técnica del control.")
    d.core_properties.author = "Suministros CNC Levante S.L."
    d.core_properties.title = "Guía de retrofit 2024"
    d.save(out)


# --------------------------------------------------------------------------- Kestrin XLSX
def kestrin_xlsx():
    out = DOCS / "kestrin-k620" / "K620_spec_sheet.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Specifications"
    head = ["spec_key", "K620", "K640", "notes"]
    ws.append(head)
    rows = [
        ("model_family", "K620M / K620T", "K640M / K640T", "M = mill, T = lathe"),
        ("max_axes", 8, 12, "including spindles"),
        ("max_simultaneous_axes", 4, 5, "K640: 5 with option 5AX"),
        ("channels", 1, 2, ""),
        ("max_spindle_rpm", 20000, 30000, "programmable limit"),
        ("rapid_max_ipm", 2400, 3150, ""),
        ("block_rate_blocks_per_s", 1000, 2000, "internal block processing"),
        ("lookahead_blocks", 600, 1200, "firmware 7.x"),
        ("resolution_in", 0.00001, 0.000001, "least command increment"),
        ("tool_offsets", 400, 999, ""),
        ("program_memory_mb", 256, 1024, ""),
        ("digital_inputs", 48, 96, "on the I/O board"),
        ("digital_outputs", 32, 64, "on the I/O board"),
        ("supply_vdc", 24, 24, ""),
        ("power_w", 90, 140, "control cabinet unit"),
        ("os", "KOS 7 real-time", "KOS 7 real-time", ""),
        ("hmi", "K-View 15 in touch", "K-View 19 in touch", ""),
        ("drive_bus", "K-Link (fiber optic)", "K-Link (fiber optic)", "proprietary"),
        ("plc_fieldbus", "EtherNet/IP adapter (option EIP)", "EtherNet/IP adapter (option EIP)", ""),
        ("firmware_version", "7.3.1", "7.3.1", "released 2024-01"),
    ]
    for r in rows:
        ws.append(list(r))
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDE6F0")
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 30
    ws.column_dimensions["D"].width = 28
    ws2 = wb.create_sheet("Options")
    ws2.append(["option_code", "description", "K620", "K640", "condition"])
    for r in [
        ("TWP", "Tilted work plane (G268 on / G269 cancel)", "Option", "Standard", ""),
        ("RTAP", "Rigid tapping G84 / M29", "Standard", "Standard", "firmware 7.0+"),
        ("HSS", "High-speed skip G31.4", "Option", "Option", "firmware 7.2+"),
        ("5AX", "5-axis simultaneous machining", "Not available", "Option", "K640 only"),
        ("MTC", "MTConnect adapter", "Option", "Option", ""),
        ("EIP", "EtherNet/IP adapter", "Option", "Option", ""),
        ("DNC", "Ethernet DNC", "Standard", "Standard", ""),
    ]:
        ws2.append(list(r))
    for c in ws2[1]:
        c.font = Font(bold=True)
    for col, w in zip("ABCDE", (14, 42, 14, 14, 16)):
        ws2.column_dimensions[col].width = w
    wb.properties.creator = "Kestrin Controls Inc."
    wb.save(out)


# --------------------------------------------------------------------------- Noravel machine XLSX
def torno_xlsx():
    out = DOCS / "noravel-nv12" / "Torno_TR520_datos_maquina.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Datos de máquina"
    ws.append(["Torno CNC TR-520 — hoja de datos de máquina", None])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(["Tornos del Bajío, S.A. — Celaya, Gto.", None])
    ws.append([None, None])
    ws.append(["Concepto", "Valor"])
    for c in ws[4]:
        c.font = Font(bold=True)
    for r in [
        ("Control", "Noravel NV-12, NV-Soft 4.1"),
        ("Volteo sobre bancada", "520 mm"),
        ("Longitud torneable", "750 mm"),
        ("Velocidad máxima del husillo principal", "4 500 min⁻¹"),
        ("Potencia del husillo principal (S1)", "22 kW"),
        ("Velocidad máxima del contrahusillo", "6 000 min⁻¹"),
        ("Torreta", "12 estaciones, herramienta motorizada en todas"),
        ("Velocidad de la herramienta motorizada", "5 000 min⁻¹"),
        ("Avance rápido eje X", "24 m/min"),
        ("Avance rápido eje Z", "30 m/min"),
        ("Recorrido eje Y", "±50 mm"),
        ("Peso de la máquina", "5 200 kg"),
    ]:
        ws.append(list(r))
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 44
    ws2 = wb.create_sheet("Instalación")
    ws2.append(["Concepto", "Valor"])
    ws2.append(["Potencia instalada", "38 kVA"])
    ws2.append(["Tensión de red", "3 × 440 V, 60 Hz"])
    ws2.append(["Presión de aire", "6 bar"])
    wb.properties.creator = "Tornos del Bajío"
    wb.save(out)


# --------------------------------------------------------------------------- Sennmark PPTX
def sennmark_pptx():
    out = DOCS / "sennmark-sm7" / "SM7_product_launch.pptx"
    p = Presentation()
    p.slide_width, p.slide_height = Inches(13.333), Inches(7.5)
    s = p.slides.add_slide(p.slide_layouts[0])
    s.shapes.title.text = "Sennmark SM-7 — Release R5.2"
    s.placeholders[1].text = "Distributor launch · Gothenburg · March 2024\nSennmark Automation AB"

    def bullets(title, lines):
        sl = p.slides.add_slide(p.slide_layouts[1])
        sl.shapes.title.text = title
        tf = sl.placeholders[1].text_frame
        tf.text = lines[0]
        for ln in lines[1:]:
            para = tf.add_paragraph()
            para.text = ln
            para.font.size = PPt(22)
        return sl

    bullets("What's new in R5.2", [
        "Rigid tapping now up to 6 000 r/min (R5.1: 4 000 r/min)",
        "Smooth Path: better corner rounding at high feed",
        "Panorama HMI: new probing wizard for G131–G136",
        "Alarm texts in 14 languages",
    ])
    bullets("Dual-Channel Pack", [
        "Two independent channels on one SM-7",
        "Option — needs software R5.1 or later",
        "Requires CPU board CB-3 (CB-2 is not supported)",
        "Typical use: machining cell with loader",
    ])
    bullets("Connectivity", [
        "OPC UA server — standard since R5.0",
        "Modbus TCP server for simple PLCs",
        "MTConnect: through a third-party adapter on top of OPC UA",
    ])
    bullets("Winning Kestrin K620 retrofits", [
        "K620 tilted plane G268 → SM-7 G68.2",
        "K620 cancel G269 → SM-7 G69",
        "K620 look-ahead 600 blocks vs. SM-7 250 blocks — Smooth Path closes the gap",
        "Our drives replace the K-Link amplifiers",
    ])
    bullets("Roadmap (not released)", [
        "R6.0 planned for 2025",
        "Target: 6 interpolating axes",
        "Target: look-ahead 500 blocks",
    ])
    p.save(out)


def main():
    dravonik_pdf()
    noravel_pdf()
    taluma_pdf()
    ilvento_docx()
    retrofit_docx()
    kestrin_xlsx()
    torno_xlsx()
    sennmark_pptx()
    for f in sorted(DOCS.rglob("*")):
        if f.suffix in {".pdf", ".docx", ".xlsx", ".pptx"}:
            print(f.relative_to(DOCS), f.stat().st_size)


if __name__ == "__main__":
    main()
