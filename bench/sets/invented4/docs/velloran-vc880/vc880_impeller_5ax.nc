; ==============================================================
; VELLORAN VC-880  -  demo program IMPELLER_5AX
; 5-axis tilted-plane drilling, tapping and TCP finishing pass
; Application engineering, Velloran Steuerungstechnik GmbH
; --------------------------------------------------------------
; Syntax reminders (VC-880 software 4.x):
;   TPLANE(MODE=EULER, A=.., B=.., C=..)  tilts the working plane
;   TPLANE(OFF)                           back to the untilted plane
;   G184 / G185                           TCP (tool centre point) on / off
;   DRILL(Z=.., R=.., F=.., DWELL=..)     drilling cycle
;   PECK(Z=.., Q=.., R=.., F=..)          deep-hole peck drilling, Q = peck depth
;   TAP(Z=.., P=.., R=.., S=..)           rigid tapping, P = thread pitch
;   CALL "NAME"                           calls a subprogram
;   $L1..$L99 local variables, $G1..$G999 global variables
; ==============================================================
%PRG IMPELLER_5AX
N10 G90 G17 G54
N20 $L1 = 18.0            ; drilling depth
N30 $L2 = 6.0             ; peck depth
N40 T12 M6                ; drill D8.5
N50 S4500 M3 M8
N60 TPLANE(MODE=EULER, A=0, B=30, C=45)
N70 G0 X0 Y0 Z50
N80 DRILL(Z=-$L1, R=2, F=180, DWELL=0.5)
N90 X40 Y0
N100 PECK(Z=-40, Q=$L2, R=2, F=120)
N110 T14 M6               ; tap M10
N120 TAP(Z=-16, P=1.5, R=3, S=600)
N130 TPLANE(OFF)
N140 T20 M6               ; ball nose D6
N150 G184                 ; TCP on for the 5-axis finishing pass
N160 CALL "BLADE_FINISH"
N170 G185                 ; TCP off
N180 IF $L1 > 20 GOTO N200
N190 CALL "DEBURR_EDGE"
N200 G0 Z100 M9
N210 M30
