; Inno Setup script for the Windows installer of checkin.
; Build the one-folder app on Windows first (pyinstaller --noconfirm packaging\checkin.spec),
; then compile this script with the version of the app:
;   iscc /DAppVersion=0.1.0 packaging\windows\checkin.iss
; Output: dist\checkin-<version>-setup.exe. Installs per user by default (no admin rights
; needed at a conference venue's laptop), German and English installer dialogs.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z checkin.iss
#endif

[Setup]
AppId={{6C2F7A52-3D7B-4F0E-9C1A-0B8E5D4C7A11}
AppName=checkin
AppVersion={#AppVersion}
AppVerName=checkin {#AppVersion}
AppPublisher=The checkin developers
DefaultDirName={autopf}\checkin
DefaultGroupName=checkin
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=checkin-{#AppVersion}-setup
SetupIconFile=checkin.ico
UninstallDisplayIcon={app}\checkin.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\checkin\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\checkin"; Filename: "{app}\checkin.exe"
Name: "{autodesktop}\checkin"; Filename: "{app}\checkin.exe"; Tasks: desktopicon

[Registry]
; double-clicking an event file opens it
Root: HKA; Subkey: "Software\Classes\.checkin"; ValueType: string; ValueData: "checkin.event"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\checkin.event"; ValueType: string; ValueData: "checkin event"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\checkin.event\DefaultIcon"; ValueType: string; ValueData: "{app}\checkin.exe,0"
Root: HKA; Subkey: "Software\Classes\checkin.event\shell\open\command"; ValueType: string; ValueData: """{app}\checkin.exe"" gui ""%1"""

[Run]
Filename: "{app}\checkin.exe"; Description: "{cm:LaunchProgram,checkin}"; Flags: nowait postinstall skipifsilent
