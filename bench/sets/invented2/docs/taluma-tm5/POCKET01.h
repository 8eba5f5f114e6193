; ==============================================================
; POCKET01.h  - rectangular pocket 80 x 50 x 12, finishing
; Taluma TM5 (TM5-M), TM5 OS 2.0 or later
; --------------------------------------------------------------
; VL1 = pocket length, VL2 = pocket width, VL3 = depth (local)
; VC20 = number of finished parts (common variable, kept)
; ==============================================================
PROGRAM POCKET01 UNITS=MM
TSEL 12 S8000 F1200        ; end mill D10, tool 12
VL1 = 80
VL2 = 50
VL3 = 12
TWP SPATIAL A+0 B+30 C+0   ; tilt the working plane by 30 deg about B
TWP MOVE                   ; position rotary axes
HSM ON Q3                  ; high-speed mode, quality level Q3 = finishing
CYC POCKET L=VL1 W=VL2 D=VL3 STEP=2
HSM OFF                    ; switch off high-speed mode before the retract
TWP RESET                  ; cancel the tilted working plane
VC20 = VC20 + 1
END PROGRAM
