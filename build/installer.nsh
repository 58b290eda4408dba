; Included by electron-builder's NSIS installer (nsis.include in electron-builder.yml).
;
; Start the wall for every user who logs on to the PC. A per-machine install (nsis.perMachine)
; writes no Run entry by itself, and the app's own login item (app.setLoginItemSettings) lives
; in HKCU, so it covers only a user who has already started the app once. Both entries may
; exist; the second start is harmless, because the app holds a single-instance lock.

!macro customInstall
  ${if} $installMode == "all"
    WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "${PRODUCT_NAME}" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --kiosk'
  ${endif}
!macroend

!macro customUnInstall
  ; When a newer version is installed over this one, this uninstaller runs first with
  ; isUpdated set: the entry stays (the new installer writes it again with its own path).
  ${ifNot} ${isUpdated}
    DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "${PRODUCT_NAME}"
  ${endif}
!macroend
