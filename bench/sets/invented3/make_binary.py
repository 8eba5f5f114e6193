"""Generate the binary documents of the invented3 set (PDF, DOCX, XLSX, PPTX).

Run from anywhere:  /work/main/.venv/bin/python bench/sets/invented3/make_binary.py
The text documents (Markdown, TXT, HTML, CSV, RST, AsciiDoc, INI, YAML, NC) are written by hand
and live in docs/ directly; this script only (re)writes the binary ones, deterministically.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Font
from pptx import Presentation
from pptx.util import Inches
from pptx.util import Pt as PPt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

DOCS = Path(__file__).resolve().parent / "docs"


# --------------------------------------------------------------------------- PDF helpers
def _pdf(path: Path, title: str, blocks: list, author: str) -> None:
    styles = getSampleStyleSheet()
    story = [Paragraph(title, styles["Title"]), Spacer(1, 0.4 * cm)]
    for kind, content in blocks:
        if kind == "h":
            story.append(Paragraph(content, styles["Heading2"]))
        elif kind == "p":
            story.append(Paragraph(content, styles["BodyText"]))
            story.append(Spacer(1, 0.15 * cm))
        elif kind == "code":
            story.append(Paragraph(content.replace("\n", "<br/>"), styles["Code"]))
            story.append(Spacer(1, 0.15 * cm))
        elif kind == "table":
            t = Table(content, hAlign="LEFT")
            t.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                        ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
                        ("GRID", (0, 0), (-1, -1), 0.4, "#888888"),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(t)
            story.append(Spacer(1, 0.3 * cm))
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, title=title, author=author, leftMargin=2 * cm, rightMargin=2 * cm
    )
    doc.build(story)


def q8m_programming_pdf() -> None:
    blocks = [
        ("p", "Quillon Motion Systems Inc. - Document QMS-PM-Q8M, revision for firmware 4.2. "
              "This excerpt reproduces chapters 4 and 6 to 11 of the Q8M programming manual."),
        ("h", "4 Coordinate systems"),
        ("p", "G53 moves in machine coordinates for one block. The Q8M provides the six standard "
              "work offsets G54 to G59 and 99 extended work offsets G54.1 P1 to G54.1 P99, i.e. 105 work "
              "offsets in total. G52 applies a local shift on top of the active work offset."),
        ("p", "Work offsets are written from the program with G10 L2 P1..P6 (standard) or G10 L20 P1..P99 "
              "(extended)."),
        ("h", "6 Tool compensation"),
        ("p", "The tool offset memory holds 999 entries, each with geometry and wear values for length "
              "and radius."),
        ("p", "Tool length compensation: G43 H.. adds the length offset (positive direction), G44 H.. "
              "subtracts it. Tool length compensation is cancelled by G49 or by programming H0."),
        ("p", "Cutter radius compensation: G41 D.. (left of the contour), G42 D.. (right); G40 cancels "
              "cutter radius compensation. Approach and departure must be linear moves."),
        ("code", "T5 M06\nG43 H5 Z50.   (length comp on)\nG41 D25 G01 X10. Y5. F800\n...\nG40 G00 X-20.\nG49           (length comp off)"),
        ("h", "7 Subprograms and macro calls"),
        ("p", "A subprogram is called with M98 P&lt;program number&gt; L&lt;repetitions&gt; and returns with "
              "M99. Up to 10 nesting levels. A macro is called with G65 P&lt;program&gt; followed by the "
              "arguments A to Z, which are passed to local variables."),
        ("h", "8 Variables"),
        ("table", [
            ["Range", "Type", "Behaviour"],
            ["#1 - #33", "local", "one set per macro level"],
            ["#100 - #199", "common", "cleared at power off"],
            ["#500 - #999", "common, retained", "non-volatile, kept at power off"],
            ["#1000 and above", "system", "see system variable list (e.g. #5061-#5066 probing results)"],
        ]),
        ("h", "9 Canned cycles"),
        ("p", "G81 drilling, G82 drilling with dwell, G83 peck drilling (Q = peck depth), G73 high-speed "
              "peck drilling, G84 tapping, G74 left-hand tapping, G80 cancel. Tapping with G84 becomes "
              "rigid tapping when M29 S.. is programmed before the G84 block; the spindle must have an "
              "encoder."),
        ("h", "10 Probing cycles (QProbe)"),
        ("table", [
            ["Cycle", "Function", "Results"],
            ["G150", "single surface in X, Y or Z", "#5061-#5063"],
            ["G151", "bore or boss: centre and diameter", "#5061 X, #5062 Y, #5063 diameter"],
            ["G152", "inside or outside corner", "#5061, #5062, #5064 angle"],
            ["G153", "web / pocket width (firmware 4.2 and later)", "#5065"],
        ]),
        ("p", "A touch probe on the skip input is required. The cycles can update a work offset "
              "directly when the argument W is given."),
        ("h", "11 5-axis machining (option 5X Pack)"),
        ("p", "G43.4 H.. switches on tool centre point control (TCPC); it is cancelled with G49. "
              "G68.2 defines a tilted working plane from Euler angles, G53.1 aligns the tool axis with the "
              "plane, and G69 cancels the tilted plane. Both functions require the 5X Pack option and a "
              "machine with two rotary axes."),
    ]
    _pdf(DOCS / "quillon-q8m" / "Q8M_programming_excerpt.pdf",
         "Quillon Q8M - Programming Manual (excerpt)", blocks, "Quillon Motion Systems")


def tx600_commissioning_pdf() -> None:
    blocks = [
        ("p", "Tarvex Control S.L. - Elgoibar (Gipuzkoa). Documento GPM-TX600-ES, edición 5 (software V2.8)."),
        ("h", "1 Condiciones de instalación"),
        ("p", "La unidad central se monta en el armario eléctrico, en vertical, con 100 mm libres por "
              "encima y por debajo. Temperatura ambiente de funcionamiento: de 5 °C a 45 °C. "
              "Almacenamiento: de -10 °C a 60 °C. Humedad relativa del 10 al 85 %, sin condensación."),
        ("h", "2 Alimentación"),
        ("p", "Tensión de alimentación 24 Vcc ±15 % (fuente SELV/PELV). Consumo máximo 80 W para la "
              "unidad central y el panel de 12,1\". Protección con el fusible F1 de 4 A (borne X1)."),
        ("h", "3 Red de accionamientos TX-Link"),
        ("p", "Los reguladores se conectan en anillo con fibra óptica TX-Link. Longitud máxima entre dos "
              "nodos: 20 m. Tras cambiar un regulador hay que ejecutar Utilidades &gt; TX-Link &gt; Reconocer "
              "nodos."),
        ("h", "4 Primer arranque"),
        ("table", [
            ["Paso", "Acción"],
            ["1", "Comprobar 24 Vcc en X1 antes de conectar el panel"],
            ["2", "Cargar los parámetros de máquina del fabricante (fichero .ini)"],
            ["3", "Ajustar finales de carrera software y referencias"],
            ["4", "Cargar y arrancar el programa de PLC (TXPLC)"],
            ["5", "Verificar la cadena de emergencia y la función STO"],
        ]),
        ("h", "5 Mantenimiento periódico"),
        ("table", [
            ["Elemento", "Intervalo", "Observaciones"],
            ["Pila de litio CR2032 (reloj y variables remanentes)", "cada 3 años",
             "cambiar con el control encendido"],
            ["Filtro del ventilador del panel", "cada 6 meses", "limpiar con aire a baja presión"],
            ["Conectores de fibra TX-Link", "cada año", "inspección visual"],
            ["Copia de seguridad completa", "mensual", "y tras cada cambio de parámetros"],
        ]),
        ("h", "6 Copia de seguridad y restauración"),
        ("p", "Menú Utilidades &gt; Copia de seguridad. Elegir destino (memoria USB o carpeta de red) y "
              "pulsar INICIAR. La copia incluye programas de pieza, parámetros de máquina, tabla de "
              "herramientas, tabla de orígenes y programa de PLC, en un único fichero .tbk. Para restaurar: "
              "Utilidades &gt; Restaurar y seleccionar el fichero; el control se reinicia al terminar."),
    ]
    _pdf(DOCS / "Tarvex_TX600_docs" / "puesta_en_marcha_TX600.pdf",
         "Guía de puesta en marcha y mantenimiento - TX-600", blocks, "Tarvex Control S.L.")


# --------------------------------------------------------------------------- DOCX
def tx600_datasheet_docx() -> None:
    d = Document()
    d.styles["Normal"].font.size = Pt(10)
    d.add_heading("Ficha técnica — Control numérico TX-600 / TX-600L", level=1)
    d.add_paragraph(
        "Tarvex Control S.L. · Polígono Industrial Sigma, Elgoibar (Gipuzkoa) · Edición 2024-10, software V2.8. "
        "El TX-600 es la versión para fresadoras y centros de mecanizado; el TX-600L, para tornos."
    )
    rows = [
        ("Característica", "TX-600 (fresado)", "TX-600L (torneado)"),
        ("Ejes controlados", "hasta 6 ejes + 1 cabezal", "hasta 4 ejes + 2 cabezales"),
        ("Ejes interpolados simultáneamente", "4", "3"),
        ("Tiempo de proceso de bloque", "1,5 ms", "2 ms"),
        ("Velocidad máxima de cabezal programable", "24.000 min-1", "8.000 min-1"),
        ("Avance máximo programable", "100 m/min", "60 m/min"),
        ("Resolución de programación", "0,0001 mm", "0,0001 mm"),
        ("Memoria de programas de usuario", "1 GB", "512 MB"),
        ("Pantalla", 'TFT táctil 12,1"', 'TFT 10,4"'),
        ("Sistema operativo", "Windows 10 IoT Enterprise LTSC", "Windows 10 IoT Enterprise LTSC"),
        ("Bus de accionamientos", "TX-Link (fibra óptica)", "TX-Link (fibra óptica)"),
        ("PLC", "TXPLC: ladder y lista de instrucciones", "TXPLC: ladder y lista de instrucciones"),
        ("Protección frontal", "IP54", "IP54"),
        ("Idiomas de la interfaz", "7", "7"),
    ]
    table = d.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            table.cell(i, j).text = val
    d.add_heading("Idiomas", level=2)
    d.add_paragraph("Español, euskera, inglés, francés, alemán, italiano y portugués.")
    d.add_heading("Programación", level=2)
    d.add_paragraph(
        "Programación ISO (DIN 66025) con variables y subrutinas, y entorno conversacional TX-Taller, incluido "
        "de serie en ambos modelos. La importación de ficheros DXF es opcional (licencia TX-CAD)."
    )
    d.add_heading("Conectividad", level=2)
    d.add_paragraph(
        "Ethernet 1 Gbit/s y 2 puertos USB. Modbus TCP de serie; servidor OPC UA opcional con la licencia TX-OPC."
    )
    d.add_heading("Seguridad", level=2)
    d.add_paragraph(
        "La función STO (par desconectado de forma segura) es de serie en todos los modelos. Las funciones SS1 "
        "y velocidad limitada segura (SLS) requieren la opción Safe TX y reguladores con tarjeta de seguridad."
    )
    d.core_properties.author = "Tarvex Control S.L."
    d.core_properties.title = "Ficha técnica TX-600 / TX-600L"
    d.save(DOCS / "Tarvex_TX600_docs" / "Ficha_TX600.docx")


def vc5_maintenance_docx() -> None:
    d = Document()
    d.styles["Normal"].font.size = Pt(10)
    d.add_heading("Manual de mantenimiento — VC-5 / VC-5 Plus", level=1)
    d.add_paragraph(
        "Vindral Controls AB · traducción al español del documento MM-VC5-EN rev. 3 · válido para firmware 5.x"
    )
    d.add_heading("1. Condiciones ambientales", level=2)
    d.add_paragraph(
        "Temperatura ambiente de funcionamiento: de 5 a 40 °C. Humedad relativa: 10–90 % sin condensación. "
        "No instalar el panel expuesto a la luz solar directa."
    )
    d.add_heading("2. Alimentación", level=2)
    d.add_paragraph(
        "Tensión de alimentación 24 Vcc (19,2 – 28,8 V). El consumo típico es de 45 W en el VC-5 y de 70 W "
        "en el VC-5 Plus, con el panel incluido."
    )
    d.add_heading("3. Memoria remanente y reloj", level=2)
    d.add_paragraph(
        "El VC-5 no lleva batería. Los datos remanentes (orígenes, tabla de herramientas, variables) se guardan "
        "en memoria FRAM y el reloj de tiempo real se mantiene con un supercondensador durante unas 72 horas "
        "sin alimentación. No hay ninguna pila que sustituir."
    )
    d.add_heading("4. Mantenimiento preventivo", level=2)
    rows = [
        ("Elemento", "Intervalo", "Acción"),
        ("Filtro del ventilador del armario/panel", "cada 3 meses", "revisar y limpiar; sustituir cada 12 meses"),
        ("Conectores EtherCAT", "cada 12 meses", "comprobar apriete y pantalla"),
        ("Pantalla táctil", "según uso", "limpiar con paño húmedo, sin disolventes"),
        ("Copia de seguridad", "tras cada cambio y al menos cada mes", "ver apartado 5"),
    ]
    table = d.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            table.cell(i, j).text = val
    d.add_heading("5. Copia de seguridad", level=2)
    d.add_paragraph(
        "Pulsar la tecla MENU y entrar en Servicio > Backup. Elegir destino (memoria USB o unidad de red) y "
        "confirmar con OK. El control genera un único archivo .vbk con los programas, los parámetros de máquina, "
        "la tabla de herramientas, los orígenes y el proyecto de PLC. Para restaurar: Servicio > Restore."
    )
    d.add_heading("6. Avisos frecuentes", level=2)
    d.add_paragraph("E-104 Tensión de alimentación baja: comprobar la fuente de 24 Vcc y el cableado.")
    d.add_paragraph("E-221 Temperatura interna alta: limpiar el filtro del ventilador.")
    d.add_paragraph("E-305 Esclavo EtherCAT no responde: revisar cable y dirección del regulador.")
    d.core_properties.author = "Vindral Controls AB"
    d.core_properties.title = "Manual de mantenimiento VC-5"
    d.save(DOCS / "Vindral VC5" / "VC5_manual_mantenimiento.docx")


# --------------------------------------------------------------------------- XLSX
def vc5_datasheet_xlsx() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Specs"
    ws.append(["parameter", "VC-5", "VC-5 Plus", "notes"])
    for c in ws[1]:
        c.font = Font(bold=True)
    rows = [
        ("vendor", "Vindral Controls AB", "Vindral Controls AB", "Västerås, Sweden"),
        ("max_axes", 8, 12, "feed axes incl. rotary"),
        ("interp_axes", 4, 5, "simultaneously interpolated"),
        ("channels", 1, 2, ""),
        ("block_time_ms", 1, 0.5, ""),
        ("lookahead_blocks", 300, 800, ""),
        ("max_feed_mm_min", 60000, 120000, ""),
        ("max_spindle_rpm", 20000, 36000, "programmable limit"),
        ("resolution_um", 0.1, 0.01, ""),
        ("program_memory_gb", 2, 8, ""),
        ("screen_in", 12.1, 15.6, "capacitive touch"),
        ("tool_offsets", 400, 999, "from firmware 5.1"),
        ("work_offsets", 54, 99, ""),
        ("drive_bus", "EtherCAT", "EtherCAT", ""),
        ("plc_languages", "ST, LD", "ST, LD, FBD", "IEC 61131-3"),
        ("tcp_5axis", "not available", "option (5AX licence)", ""),
        ("safety_integrated", "not available", "option SafeAxis (STO, SS1, SLS)", ""),
        ("dxf_import", "standard", "standard", "standard since 5.0"),
        ("opc_ua_server", "standard", "standard", "firmware 5.0 or later"),
    ]
    for r in rows:
        ws.append(list(r))
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 20
    ws.column_dimensions["C"].width = 32
    ws.column_dimensions["D"].width = 28
    ws2 = wb.create_sheet("Ordering")
    ws2.append(["order_code", "description"])
    ws2.append(["VC5-CU-12", "VC-5 control unit with 12.1\" panel"])
    ws2.append(["VC5P-CU-15", "VC-5 Plus control unit with 15.6\" panel"])
    ws2.append(["VC5P-OPT-5AX", "5AX licence (VC-5 Plus only)"])
    ws2.append(["VC5P-OPT-SAFE", "SafeAxis integrated safety (VC-5 Plus only)"])
    wb.properties.creator = "Vindral Controls AB"
    wb.save(DOCS / "Vindral VC5" / "VC5_VC5Plus_datasheet.xlsx")


def distributor_comparison_xlsx() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Comparativa"
    ws.append(["Maquinser Distribución Industrial S.A. — Comparativa de controles CNC (edición marzo 2024)"])
    ws["A1"].font = Font(bold=True)
    ws.append([])
    ws.append(["Característica", "Quillon Q8M", "Tarvex TX-600", "Veltrano VR-12", "Vindral VC-3", "Vindral VC-5"])
    for c in ws[3]:
        c.font = Font(bold=True)
    rows = [
        ("Ejes interpolados simultáneos", "5 (con 5X Pack)", "4", "9 por canal", "3", "5"),
        ("Tiempo de proceso de bloque", "1 ms", "1,5 ms", "0,25 ms", "2 ms", "0,5 ms"),
        ("Look-ahead (bloques)", 200, 100, 2000, 60, 300),
        ("Pantalla", '15,6"', '12,1"', "según panel elegido", '10,1"', '15,6"'),
        ("Servidor OPC UA", "De serie", "Opción (TX-OPC)", "De serie", "No", "De serie"),
        ("Precio orientativo del control (EUR)", 14500, 9800, 27000, 3200, 7900),
    ]
    for r in rows:
        ws.append(list(r))
    ws.append([])
    ws.append(["Datos tomados de los catálogos de los fabricantes en marzo de 2024. Sin compromiso; "
               "confirmar con el fabricante antes de ofertar."])
    ws.column_dimensions["A"].width = 36
    for col in "BCDEF":
        ws.column_dimensions[col].width = 20
    wb.properties.creator = "Maquinser"
    wb.save(DOCS / "distribuidor" / "comparativa_controles_2024.xlsx")


# --------------------------------------------------------------------------- PPTX
def distributor_deck_pptx() -> None:
    prs = Presentation()
    prs.slide_width = Inches(13.333)
    prs.slide_height = Inches(7.5)

    def slide(title: str, bullets: list[str]) -> None:
        s = prs.slides.add_slide(prs.slide_layouts[1])
        s.shapes.title.text = title
        body = s.placeholders[1].text_frame
        body.clear()
        for i, b in enumerate(bullets):
            p = body.paragraphs[0] if i == 0 else body.add_paragraph()
            p.text = b
            p.font.size = PPt(22)

    t = prs.slides.add_slide(prs.slide_layouts[0])
    t.shapes.title.text = "Gama de controles CNC 2025"
    t.placeholders[1].text = "Maquinser Distribución Industrial S.A. · Jornada técnica para clientes · enero 2025"

    slide("Quillon Q8M", [
        "Centros de mecanizado de 3 a 5 ejes (5 ejes con la opción 5X Pack)",
        'Pantalla táctil de 15,6" (versión Q8M-W de 21,5")',
        "Fabricante en EE. UU.; soporte y repuestos en España a través de Maquinser",
    ])
    slide("Tarvex TX-600 / TX-600L", [
        "Fabricación nacional, servicio técnico en Elgoibar",
        "TX-600 para fresado, TX-600L para torno",
        "Conversacional TX-Taller de serie: ideal para talleres de pieza unitaria",
    ])
    slide("Veltrano VR-12", [
        "Gama alta: hasta 4 canales y 32 ejes",
        "RTCP y plano inclinado de serie",
        "Muy presente en máquinas italianas de 5 ejes y de transferencia",
    ])
    slide("Vindral VC-3 y VC-5", [
        "VC-3: retrofit económico, 3 ejes interpolados, configuración en un solo fichero",
        "VC-5: fresadoras y tornos medianos, 9 idiomas de HMI",
        "VC-5 Plus: 5 ejes con licencia 5AX y seguridad integrada SafeAxis",
    ])
    slide("Hoja de ruta Vindral (según el fabricante, febrero 2025)", [
        "MTConnect para VC-5 / VC-5 Plus: previsto para 2027",
        'Panel de 21,5" para VC-5 Plus: previsto para 2026',
        "Integración con gemelo digital: en desarrollo, sin fecha",
        "Las funciones de la hoja de ruta no están disponibles hoy",
    ])
    slide("Contacto", [
        "Maquinser Distribución Industrial S.A.",
        "Departamento de controles: controles@maquinser.example",
    ])
    prs.save(DOCS / "distribuidor" / "presentacion_gama_2025.pptx")


def main() -> None:
    q8m_programming_pdf()
    tx600_commissioning_pdf()
    tx600_datasheet_docx()
    vc5_maintenance_docx()
    vc5_datasheet_xlsx()
    distributor_comparison_xlsx()
    distributor_deck_pptx()
    print("binary documents written under", DOCS)


if __name__ == "__main__":
    main()
