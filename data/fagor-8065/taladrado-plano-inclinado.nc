; TALADRADO_PLANO_INCLINADO.NC - Fagor 8065 M
; taladrado y roscado de 3 agujeros en una cara inclinada 30 grados,
; y chaflán simultáneo en 5 ejes con RTCP.
; Máquina: mesa basculante A + mesa giratoria C, cinemática #KIN ID [1] del fabricante.
; G54: X0 Y0 = centro de la pieza, Z0 = cara superior.
; T5 = broca de puntear D10, T6 = broca D6,8, T7 = macho M8 x 1,25, T12 = fresa de chaflanar D12
;
; Parámetros aritméticos
P100 = 30          ; ángulo de la cara inclinada, en grados
P101 = -2.5        ; profundidad de punteado (absoluta en el plano inclinado)
P103 = -3          ; profundidad de cada picada (incremental, negativa)
P104 = 8           ; número de picadas: 2 + 8 x (-3) = -22
P105 = 15          ; paso entre agujeros en X
P106 = -15         ; X del primer agujero
;
N10 #KIN ID [1]
N20 G90 G94 G17 G71
N30 G54
N40 #CS OFF
N50 #RTCP OFF
;
; ---------- T5 punteado en el plano inclinado ----------
N60 T5 D1 M6
N70 S3000 M3 M8
N80 G0 AP100 C0                          ; preposicionar los ejes giratorios (signo según cinemática)
N90 #RTCP ON                             ; compensación de longitud en la dirección de la herramienta
N100 #CS ON [1] [MODE 1, 0, -20, -10, 30, 0, 0]   ; plano inclinado: origen X0 Y-20 Z-10, 30 grados sobre X
N110 G0 XP106 Y0
N120 G0 Z50
N130 G98 G81 XP106 Y0 Z2 IP101 F200      ; Z = plano de referencia, I = profundidad
N140 X0
N150 XP105
N160 G80
N170 G0 Z50 M9
;
; ---------- T6 taladrado con picadas constantes ----------
N180 #CS OFF
N190 #RTCP OFF
N200 T6 D1 M6
N210 S2800 M3 M8
N220 G0 AP100 C0
N230 #RTCP ON
N240 #CS ON [1] [MODE 1, 0, -20, -10, 30, 0, 0]
N250 G0 XP106 Y0
N260 G0 Z50
N270 G98 G83 XP106 Y0 Z2 IP103 JP104 F250  ; I = picada, J = número de picadas
N280 X0
N290 XP105
N300 G80
N310 G0 Z50 M9
;
; ---------- T7 roscado rígido M8 x 1,25 ----------
N320 #CS OFF
N330 #RTCP OFF
N340 T7 D1 M6
N350 S800 M3 M8
N360 G0 AP100 C0
N370 #RTCP ON
N380 #CS ON [1] [MODE 1, 0, -20, -10, 30, 0, 0]
N390 G0 XP106 Y0
N400 G0 Z50
N410 G98 G84 XP106 Y0 Z2 I-16 K0 R1 F1000  ; R1 = roscado rígido, F = 800 x 1,25
N420 X0
N430 XP105
N440 G80
N450 G0 Z50 M9
N460 #CS OFF
N470 #RTCP OFF
;
; ---------- T12 chaflán simultáneo en 5 ejes ----------
N480 T12 D1 M6
N490 S6000 M3
N500 G0 A0 C0
N510 #RTCP ON                             ; se programa la punta de la herramienta
N520 G0 X-40 Y-40 Z30 M8
N530 G1 Z-1 F1500
N540 G1 X40 Y-40 A-15 C0 F1200
N550 X40 Y40 A-15 C90
N560 X-40 Y40 A-15 C180
N570 X-40 Y-40 A-15 C270
N580 G1 Z30 A0 F3000
N590 #RTCP OFF
N600 M9
N610 M5
N620 G0 Z100
N630 G0 A0 C0
N640 M30
