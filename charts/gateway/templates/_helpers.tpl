{{- define "gateway.name" -}}{{ .Chart.Name }}{{- end -}}
{{- define "gateway.fullname" -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- define "gateway.labels" -}}
app.kubernetes.io/name: {{ include "gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}
{{- define "gateway.selector" -}}
app.kubernetes.io/name: {{ include "gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The three origins (docs/security.md): configured, or derived from ingress.host. */}}
{{- define "gateway.host.portal" -}}
{{- .Values.edge.hosts.portal | default .Values.ingress.host -}}
{{- end -}}
{{- define "gateway.host.admin" -}}
{{- .Values.edge.hosts.admin | default (printf "admin.%s" .Values.ingress.host) -}}
{{- end -}}
{{- define "gateway.host.apps" -}}
{{- .Values.edge.hosts.apps | default (printf "apps.%s" .Values.ingress.host) -}}
{{- end -}}
