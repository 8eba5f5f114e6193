"""(Re)generate the binary documents of the invented set from the text below.

Run:  python make_binary.py
Writes into ./docs/ (pdf, docx, pptx, xlsx). Needs reportlab, python-docx, python-pptx, openpyxl.
"""
from pathlib import Path

from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Font
from pptx import Presentation
from pptx.util import Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

DOCS = Path(__file__).resolve().parent / "docs"


# --------------------------------------------------------------------------- PDFs
def _pdf(path: Path, story_spec):
    styles = getSampleStyleSheet()
    story = []
    for kind, content in story_spec:
        if kind == "h1":
            story.append(Paragraph(content, styles["Title"]))
        elif kind == "h2":
            story.append(Paragraph(content, styles["Heading2"]))
        elif kind == "p":
            story.append(Paragraph(content, styles["BodyText"]))
        elif kind == "table":
            t = Table(content, hAlign="LEFT")
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        elif kind == "break":
            story.append(PageBreak())
        story.append(Spacer(1, 6))
    SimpleDocTemplate(str(path), pagesize=A4, title=path.stem).build(story)


def hakuro_datasheet():
    _pdf(DOCS / "hakuro-hn60i" / "HN-60i_datasheet.pdf", [
        ("h1", "Hakuro HN-60i CNC for Turning Centers"),
        ("p", "Hakuro Denki Co., Ltd. - Factory Automation Division - Catalogue HD-N60i-E03"),
        ("p", "The HN-60i is a compact, high-reliability CNC for 2-axis lathes up to twin-spindle, "
              "twin-turret turning centers with live tooling and C-axis."),
        ("h2", "1. Controlled axes"),
        ("table", [
            ["Item", "Specification", "Remarks"],
            ["Max. controlled axes", "10 axes", "total of both paths"],
            ["Paths", "2", ""],
            ["Spindles", "up to 3", "main, sub and live-tool spindle"],
            ["Max. rapid traverse", "240 m/min", ""],
            ["Max. cutting feed", "100 m/min", ""],
        ]),
        ("h2", "2. Interpolation and feed"),
        ("table", [
            ["Function", "Code", "Std / Opt"],
            ["Linear / circular interpolation", "G01 / G02, G03", "Std"],
            ["Polar coordinate interpolation", "G12.1 / G13.1", "Std"],
            ["Cylindrical interpolation", "G07.1", "Std"],
            ["Helical interpolation", "G02, G03 + 3rd axis", "Opt"],
            ["Thread cutting", "G32", "Std"],
            ["AI look-ahead control", "40 blocks", "Std"],
            ["AI look-ahead control (extended)", "200 blocks", "Opt HN-HSP"],
        ]),
        ("h2", "3. Programming"),
        ("table", [
            ["Function", "Code", "Std / Opt"],
            ["Multiple repetitive cycles", "G70 - G76 (G71 stock removal, G76 multiple thread cutting)", "Std"],
            ["Rigid tapping", "M29 S__ then G84 (face) / G88 (side)", "Std"],
            ["Tool nose radius compensation", "G40 / G41 / G42", "Std"],
            ["Tool offset pairs", "64 pairs (200 pairs with option)", "Std / Opt"],
            ["Skip function", "G31", "Std"],
        ]),
        ("break", ""),
        ("h2", "4. Hardware and interfaces"),
        ("table", [
            ["Item", "Specification"],
            ["Display", '10.4" color LCD (15" color LCD as option)'],
            ["Part program storage", "4 MB (option: 16 MB)"],
            ["Servo interface", "HK-NET serial servo bus"],
            ["Embedded Ethernet", "100BASE-TX"],
            ["Memory card / USB", "front USB port"],
            ["Fieldbus", "PROFIBUS-DP (option), EtherNet/IP (option)"],
            ["Protection (front panel)", "IP54 when mounted with the supplied gasket"],
            ["Ambient temperature", "0 to 55 \u00b0C in operation, -20 to 60 \u00b0C storage"],
            ["Safety", "Dual Monitor Safety (option)"],
        ]),
        ("p", "Specifications are subject to change without notice. Hakuro Denki Co., Ltd."),
    ])


def falkner_machine_datasheet():
    _pdf(DOCS / "korvane-kx820" / "falkner-vmc1050-datasheet.pdf", [
        ("h1", "Falkner VMC-1050 Vertical Machining Centre"),
        ("p", "Falkner Werkzeugmaschinen AG - machine data sheet FW-1050-EN. "
              "All values on this sheet are data of the machine VMC-1050."),
        ("h2", "Machine data"),
        ("table", [
            ["Item", "VMC-1050"],
            ["Travel X / Y / Z", "1050 / 560 / 510 mm"],
            ["Table size", "1200 x 500 mm, max. load 800 kg"],
            ["Main spindle power", "18.5 kW (S6 40 %) / 15 kW (S1)"],
            ["Max. spindle speed", "12,000 r/min"],
            ["Spindle torque", "118 Nm (S6 40 %)"],
            ["Spindle taper", "SK40 / BT40"],
            ["Rapid traverse X / Y / Z", "36 / 36 / 30 m/min"],
            ["Max. cutting feed", "20 m/min"],
            ["Tool magazine", "24 positions, chip-to-chip 3.2 s"],
            ["CNC control", "Korvane KX-820"],
            ["Connected load", "35 kVA"],
            ["Machine weight", "approx. 7,200 kg"],
        ]),
        ("p", "Options: 4th axis rotary table, through-spindle coolant 20 bar, chip conveyor, "
              "tool-setting probe."),
    ])


# --------------------------------------------------------------------------- DOCX
def altaris_programming_manual():
    d = Document()
    d.add_heading("ALTARIS NC-7 M - Manual de programación", 0)
    d.add_paragraph("Altaris Automatización, S.L. - Ref. MP-NC7M-ES, edición 2023-10 - Capítulo 4")
    d.add_heading("4.1 Funciones preparatorias (G)", 1)
    d.add_paragraph("El NC-7 M utiliza programación ISO. La tabla resume las funciones G más usadas "
                    "en fresado. Las funciones marcadas como modales permanecen activas hasta que "
                    "se programa otra del mismo grupo.")
    rows = [
        ("Código", "Función", "Observaciones"),
        ("G00", "Posicionamiento en rápido", "Modal"),
        ("G01", "Interpolación lineal", "Modal"),
        ("G02 / G03", "Interpolación circular / helicoidal", "Sentido horario / antihorario"),
        ("G05 Q1", "Modo de alta velocidad (look-ahead)", "G05 Q0 anula. Tolerancia con R"),
        ("G12.1 / G13.1", "Interpolación polar activar / anular", ""),
        ("G16", "Coordenadas polares", "G15 anula"),
        ("G40 / G41 / G42", "Compensación de radio: anular / izquierda / derecha", ""),
        ("G43 / G49", "Compensación de longitud activar / anular", ""),
        ("G68 / G69", "Giro del sistema de coordenadas / anular", "G68 X_ Y_ R_ (ángulo)"),
        ("G70 / G71", "Programación en pulgadas / milímetros", "G71 por defecto"),
        ("G81", "Ciclo fijo de taladrado", ""),
        ("G83", "Ciclo de taladrado profundo con descarga", "Q = paso"),
        ("G84", "Ciclo de roscado rígido", ""),
        ("G100", "Movimiento de palpado", "Sin licencia"),
        ("G150 - G159", "Ciclos de palpado", "Requieren licencia AL-PRB"),
        ("G187", "Ciclo de cajera rectangular", ""),
        ("G188", "Ciclo de cajera circular", "D = diámetro, Q = paso"),
    ]
    t = d.add_table(rows=len(rows), cols=3)
    t.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            t.cell(i, j).text = c
    d.add_heading("4.2 Funciones auxiliares (M)", 1)
    d.add_paragraph("M98 P_ llama a un subprograma (P = número de programa, L = repeticiones). "
                    "M99 finaliza el subprograma y vuelve al programa llamante. "
                    "M30 indica el fin del programa principal.")
    d.add_heading("4.3 Correctores y orígenes", 1)
    d.add_paragraph("La tabla de herramientas admite 400 correctores de herramienta (radio, longitud "
                    "y desgaste). Orígenes: G54 a G59 (6 orígenes) más G54.1 P1 a P48 (48 orígenes "
                    "adicionales), es decir, 54 orígenes en total.")
    d.save(DOCS / "altaris-nc7" / "manual-programacion.docx")


# --------------------------------------------------------------------------- PPTX
def mirevo_training_slides():
    slides = [
        ("Curso de operadores Mirevo Sigma 40", ["Módulo 1 - Manejo y programación básica",
                                                 "Formación interna, planta 2 - 2024"]),
        ("El puesto de mando", ["Pantalla multitáctil de 24 pulgadas",
                                "Interfaz de usuario SigmaTouch",
                                "27 idiomas de diálogo (MOD > Idioma)",
                                "Teclado alfanumérico y volante electrónico MS-HR550"]),
        ("Programación conversacional Mirevo Dialog", ["Incluida de serie en todos los Sigma 40",
                                                       "El programa empieza con BEGIN PGM y termina con END PGM",
                                                       "END PGM es el fin de programa"]),
        ("Compensación de radio", ["RL: herramienta a la izquierda del contorno",
                                   "RR: herramienta a la derecha del contorno",
                                   "R0: sin compensación"]),
        ("Ciclos de mecanizado", ["CYCL DEF 310 TALADRADO",
                                  "CYCL DEF 317 ROSCADO RÍGIDO",
                                  "CYCL DEF 341 CAJERA RECTANGULAR",
                                  "CYCL DEF 342 CAJERA CIRCULAR"]),
        ("Palpadores", ["Ciclos TCH PROBE 5xx de serie",
                        "TCH PROBE 520: medir punto de referencia",
                        "TCH PROBE 531: medir herramienta en el palpador de herramientas"]),
        ("Resumen", ["Guardar siempre el programa antes de cambiar de modo",
                     "Consultar dudas con el responsable de célula"]),
    ]
    prs = Presentation()
    for i, (title, bullets) in enumerate(slides):
        layout = prs.slide_layouts[0 if i == 0 else 1]
        s = prs.slides.add_slide(layout)
        s.shapes.title.text = title
        body = s.placeholders[1].text_frame
        body.text = bullets[0]
        for b in bullets[1:]:
            p = body.add_paragraph()
            p.text = b
            p.font.size = Pt(20)
    prs.save(DOCS / "mirevo-sigma40" / "curso-operadores.pptx")


# --------------------------------------------------------------------------- XLSX
def spare_parts_list():
    wb = Workbook()
    ws = wb.active
    ws.title = "Repuestos"
    header = ["ref_interna", "model", "descripcion", "control", "stock", "precio_eur", "plazo_dias"]
    rows = [
        ["R-0101", "KX-PSU-24", "Fuente de alimentación 24 V DC / 10 A", "Korvane KX-820", 2, 412.00, 5],
        ["R-0102", "KV-OP-4", "Panel de operador KorView (repuesto completo)", "Korvane KX-820", 1, 3890.00, 15],
        ["R-0103", "KX-CF-IMG", "Tarjeta CFast con imagen de sistema", "Korvane KX-820", 1, 260.00, 10],
        ["R-0201", "AL-BAT-01", "Pila de litio CR2032 (módulo CPU)", "ALTARIS NC-7 M", 10, 4.50, 1],
        ["R-0202", "AL-KB-7", "Teclado de operador con teclas de función", "ALTARIS NC-7 M", 1, 640.00, 7],
        ["R-0301", "BX-SAFE", "Módulo de seguridad FSoE (Safe Torque Off) para BX 3100", "Brenholt BX 3100", 0, 1150.00, 21],
        ["R-0302", "BX-AMP-20", "Amplificador de cabezal integrado (repuesto)", "Brenholt BX 3100", 1, 2480.00, 21],
        ["R-0401", "MS-HR550", "Volante electrónico portátil", "Mirevo Sigma 40", 1, 980.00, 10],
        ["R-0402", "MS-TS460", "Palpador de pieza por radio", "Mirevo Sigma 40", 1, 3200.00, 20],
        ["R-0501", "HK-BAT-3", "Pack de baterías 4 x LR20 para encóderes absolutos", "Hakuro HN-60i", 6, 38.00, 3],
        ["R-0502", "HK-FAN-60", "Ventilador de armario 24 V", "Hakuro HN-60i", 2, 75.00, 5],
    ]
    ws.append(header)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        ws.append(r)
    for col, w in zip("ABCDEFG", (12, 12, 55, 18, 8, 12, 11)):
        ws.column_dimensions[col].width = w
    wb.save(DOCS / "shared" / "repuestos.xlsx")


if __name__ == "__main__":
    hakuro_datasheet()
    falkner_machine_datasheet()
    altaris_programming_manual()
    mirevo_training_slides()
    spare_parts_list()
    print("binaries written under", DOCS)
