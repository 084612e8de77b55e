"""The Word add-in's XML manifest (``OfficeApp`` of type ``TaskPaneApp``) for a given host.

``render_manifest`` is the single source of the manifest: the repository's ``manifest.xml`` is
its output for the default host ``https://localhost:8443`` (a test keeps them equal). Every URL
(``IconUrl``, ``SupportUrl``, ``AppDomain``, ``bt:Url``/``bt:Image`` resources) is derived from
the one base URL, under which the backend serves the task pane at ``/addin/``.
"""

from __future__ import annotations

import re
from string import Template
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from noai.errors import ManifestUrlError

DEFAULT_BASE_URL = "https://localhost:8443"
#: The add-in's identity; Word keys sideloaded add-ins (and their settings) by it.
DEFAULT_ADD_IN_ID = "20d7245f-1acf-4a95-98dc-0a4c283ff26b"

_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _icon(indent: str) -> str:
    """Return the ribbon ``<Icon>`` element with the three sizes Word requires (16, 32, 80)."""
    images = "".join(f'{indent}  <bt:Image size="{n}" resid="Icon.{n}x{n}"/>\n' for n in (16, 32, 80))
    return f"<Icon>\n{images}{indent}</Icon>"


_TEMPLATE = Template("""\
<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
           xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
           xsi:type="TaskPaneApp">
  <Id>$add_in_id</Id>
  <Version>1.0.0.0</Version>
  <ProviderName>noai</ProviderName>
  <DefaultLocale>en-US</DefaultLocale>
  <DisplayName DefaultValue="noai: no AI training"/>
  <Description DefaultValue="Finds the IP and licence clauses of a contract, flags AI-training risks and proposes tracked changes with comments."/>
  <IconUrl DefaultValue="$base/addin/assets/icon-32.png"/>
  <HighResolutionIconUrl DefaultValue="$base/addin/assets/icon-80.png"/>
  <SupportUrl DefaultValue="$base/addin/help.html"/>
  <AppDomains>
    <AppDomain>$origin</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Document"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.3">
      <Set Name="WordApi" MinVersion="1.3"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="$base/addin/taskpane.html"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Document">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="Help.Url"/>
          </GetStarted>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="Noai.Group">
                <Label resid="Group.Label"/>
                $group_icon
                <Control xsi:type="Button" id="Noai.TaskpaneButton">
                  <Label resid="Button.Label"/>
                  <Supertip>
                    <Title resid="Button.Label"/>
                    <Description resid="Button.Tooltip"/>
                  </Supertip>
                  $control_icon
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>NoaiTaskpane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16x16" DefaultValue="$base/addin/assets/icon-16.png"/>
        <bt:Image id="Icon.32x32" DefaultValue="$base/addin/assets/icon-32.png"/>
        <bt:Image id="Icon.80x80" DefaultValue="$base/addin/assets/icon-80.png"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Taskpane.Url" DefaultValue="$base/addin/taskpane.html"/>
        <bt:Url id="Help.Url" DefaultValue="$base/addin/help.html"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="GetStarted.Title" DefaultValue="Check this contract for AI-training risks"/>
        <bt:String id="Group.Label" DefaultValue="noai"/>
        <bt:String id="Button.Label" DefaultValue="AI-training check"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="Open the task pane from Home &gt; AI-training check, then choose Scan."/>
        <bt:String id="Button.Tooltip" DefaultValue="Scan the IP and licence clauses and propose tracked changes against AI training."/>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
""")


def render_manifest(base_url: str, *, add_in_id: str | None = None) -> str:
    """Return the manifest XML for an add-in served from *base_url* (``https://host[:port][/path]``).

    *add_in_id* replaces the project's GUID, so a second deployment can be sideloaded next to
    the first. Raises ``ManifestUrlError`` for a URL Word would refuse or a malformed GUID.
    """
    base, origin = _split_base_url(base_url)
    add_in_id = DEFAULT_ADD_IN_ID if add_in_id is None else add_in_id
    if not _GUID.fullmatch(add_in_id):
        raise ManifestUrlError(f"The add-in id {add_in_id!r} is not a GUID like {DEFAULT_ADD_IN_ID}.")
    quote = {'"': "&quot;"}
    return _TEMPLATE.substitute(
        base=escape(base, quote),
        origin=escape(origin, quote),
        add_in_id=add_in_id,
        group_icon=_icon(" " * 16),
        control_icon=_icon(" " * 18),
    )


def _split_base_url(base_url: str) -> tuple[str, str]:
    """Return (base without trailing slash, origin) or raise ``ManifestUrlError``."""
    try:
        parts = urlsplit(base_url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise ManifestUrlError(f"{base_url!r} is not a valid web address.") from exc
    if parts.scheme != "https" or not parts.hostname:
        raise ManifestUrlError(
            f"{base_url!r} must be an https:// address with a host name: Word loads add-ins only over HTTPS."
        )
    if parts.query or parts.fragment or parts.username or any(c.isspace() for c in base_url.strip()):
        raise ManifestUrlError(f"{base_url!r} must be a plain https://host[:port][/path] address.")
    origin = f"https://{parts.netloc}"
    return origin + parts.path.rstrip("/"), origin
