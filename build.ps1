# Bootstrap: restore Cake (pinned in .config/dotnet-tools.json), then run the Cake script in build/ with every
# argument passed through, e.g. ./build.ps1 --target=Test. (On Linux, build.sh also installs the native tools
# that TorchSharp's loader patch needs; see build/native/.)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
# --help: the project's own targets and options (Cake's --help would describe only Cake).
if ($args | Where-Object { $_ -in '-h', '--help', '-?' }) { $args = @('--target=Help', '--verbosity=quiet') }
dotnet cake build/build.cake @args
exit $LASTEXITCODE
