{{/* Names and labels, after `helm create`'s conventions. */}}
{{- define "oms.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "oms.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "oms.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "oms.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "oms.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "oms.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: oms
{{- end }}

{{/* Selector labels of one component: include with (dict "root" $ "component" "web"). */}}
{{- define "oms.selectorLabels" -}}
app.kubernetes.io/name: {{ include "oms.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "oms.image" -}}
{{- $image := .Values.image }}
{{- if $image.digest }}
{{- printf "%s@%s" $image.repository $image.digest }}
{{- else }}
{{- printf "%s:%s" $image.repository (default .Chart.AppVersion $image.tag) }}
{{- end }}
{{- end }}

{{- define "oms.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "oms.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "oms.configMapName" -}}
{{- printf "%s-config" (include "oms.fullname" .) }}
{{- end }}

{{/* The Secret every process reads: yours (existingSecret) or the chart's. */}}
{{- define "oms.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else if .Values.secrets.create }}
{{- printf "%s-secrets" (include "oms.fullname" .) }}
{{- else }}
{{- fail "secrets: name an existing Secret (secrets.existingSecret) or set secrets.create with secrets.values" }}
{{- end }}
{{- end }}

{{- define "oms.configData" -}}
{{- range $key, $value := .Values.config }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{- define "oms.secretData" -}}
{{- $_ := required "secrets.values.SECRET_KEY is required when the chart makes the Secret" .Values.secrets.values.SECRET_KEY }}
{{- range $key, $value := .Values.secrets.values }}
{{ $key }}: {{ $value | toString | b64enc | quote }}
{{- end }}
{{- end }}

{{/* Rolls the pods when the configuration the chart owns changes. */}}
{{- define "oms.configChecksum" -}}
checksum/config: {{ include "oms.configData" . | sha256sum }}
{{- if and (not .Values.secrets.existingSecret) .Values.secrets.create }}
checksum/secrets: {{ include "oms.secretData" . | sha256sum }}
{{- end }}
{{- end }}

{{/* The pod-level parts every process shares. */}}
{{- define "oms.podCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  - name: var
    emptyDir:
      sizeLimit: {{ .Values.varVolume.sizeLimit }}
{{- end }}

{{/* The container-level parts every process shares: include with (dict "root" $ "configMap" name). */}}
{{- define "oms.containerCommon" -}}
image: {{ include "oms.image" .root | quote }}
imagePullPolicy: {{ .root.Values.image.pullPolicy }}
securityContext:
  {{- toYaml .root.Values.securityContext | nindent 2 }}
envFrom:
  - configMapRef:
      name: {{ .configMap }}
  - secretRef:
      name: {{ .secret }}
volumeMounts:
  - name: var
    mountPath: /app/var
{{- end }}

{{- define "oms.podAnnotations" -}}
{{- include "oms.configChecksum" .root }}
{{- if and .root.Values.metrics.annotations .port }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- with .root.Values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end }}
