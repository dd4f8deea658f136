{{/*
Shared helpers of the EdgeMEC chart. The three EdgeMEC services share one shape
(Deployment, Service, ConfigMap, Secret); the per-service template files call the
"edgemec.app.*" helpers below with a context dict:
  root      the chart root context ($)
  name      resource base name, e.g. "relocation-service" or "edge1-mec-platform"
  component app.kubernetes.io/name, e.g. "mec-platform"
  svc       the service's values (image, replicas, port, env, resources, ...)
  schema    the service's PostgreSQL schema (EDGEMEC_DB_SCHEMA)
  hostName  (mec-platform only) the edge host name (EDGEMEC_HOST_NAME)
*/}}

{{- define "edgemec.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Resource name with the optional prefix: (dict "root" $ "name" "x") */}}
{{- define "edgemec.resourceName" -}}
{{- printf "%s%s" .root.Values.namePrefix .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The Secret with the operator token every service and operator client shares. */}}
{{- define "edgemec.operator.secretName" -}}
{{- if .Values.operator.existingSecret }}{{ .Values.operator.existingSecret }}{{ else }}{{ include "edgemec.resourceName" (dict "root" . "name" "edgemec-operator") }}{{ end }}
{{- end }}

{{- define "edgemec.postgresql.name" -}}
{{- include "edgemec.resourceName" (dict "root" . "name" "edgemec-postgresql") }}
{{- end }}

{{- define "edgemec.kafka.name" -}}
{{- include "edgemec.resourceName" (dict "root" . "name" "edgemec-kafka") }}
{{- end }}

{{/* Labels common to every resource: (dict "root" $ "component" "x") */}}
{{- define "edgemec.labels" -}}
helm.sh/chart: {{ include "edgemec.chart" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: edgemec
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{- end }}

{{/* Selector labels: (dict "root" $ "name" "<resource base name>" "component" "x") */}}
{{- define "edgemec.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ include "edgemec.resourceName" . }}
{{- end }}

{{/* ---------- Database and Kafka endpoints (in-chart or external) ---------- */}}

{{- define "edgemec.db.jdbcUrl" -}}
{{- if .Values.postgresql.enabled -}}
{{- printf "jdbc:postgresql://%s:%v/%s" (include "edgemec.postgresql.name" .) .Values.postgresql.port .Values.postgresql.auth.database }}
{{- else if .Values.externalDatabase.jdbcUrl -}}
{{- .Values.externalDatabase.jdbcUrl }}
{{- else -}}
{{- $host := required "externalDatabase.host (or externalDatabase.jdbcUrl) is required when postgresql.enabled=false" .Values.externalDatabase.host -}}
{{- printf "jdbc:postgresql://%s:%v/%s" $host .Values.externalDatabase.port .Values.externalDatabase.database }}
{{- end }}
{{- end }}

{{- define "edgemec.db.username" -}}
{{- if .Values.postgresql.enabled }}{{ .Values.postgresql.auth.username }}{{ else }}{{ .Values.externalDatabase.username }}{{ end }}
{{- end }}

{{/* The plain DB password, for the Secrets rendered by this chart. */}}
{{- define "edgemec.db.password" -}}
{{- if .Values.postgresql.enabled -}}
{{- required "postgresql.auth.password is required" .Values.postgresql.auth.password }}
{{- else -}}
{{- required "externalDatabase.password or externalDatabase.existingSecret is required when postgresql.enabled=false" .Values.externalDatabase.password }}
{{- end }}
{{- end }}

{{/* True when the DB password comes from a Secret this chart does not manage. */}}
{{- define "edgemec.db.useExistingSecret" -}}
{{- if and (not .Values.postgresql.enabled) .Values.externalDatabase.existingSecret }}true{{ end }}
{{- end }}

{{- define "edgemec.kafka.bootstrapServers" -}}
{{- if .Values.kafka.enabled -}}
{{- printf "%s:%v" (include "edgemec.kafka.name" .) .Values.kafka.port }}
{{- else -}}
{{- required "externalKafka.bootstrapServers is required when kafka.enabled=false" .Values.externalKafka.bootstrapServers }}
{{- end }}
{{- end }}

{{/* ---------- EdgeMEC service building blocks ---------- */}}

{{- define "edgemec.app.image" -}}
{{- $tag := .svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s%s:%s" .root.Values.image.registry .svc.image.repository $tag }}
{{- end }}

{{/* ConfigMap data: every setting of one service as environment variables. */}}
{{- define "edgemec.app.configData" -}}
QUARKUS_HTTP_PORT: {{ .svc.port | quote }}
QUARKUS_DATASOURCE_JDBC_URL: {{ include "edgemec.db.jdbcUrl" .root | quote }}
QUARKUS_DATASOURCE_USERNAME: {{ include "edgemec.db.username" .root | quote }}
EDGEMEC_DB_SCHEMA: {{ .schema | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ include "edgemec.kafka.bootstrapServers" .root | quote }}
{{- with .hostName }}
EDGEMEC_HOST_NAME: {{ . | quote }}
{{- end }}
{{- range $key, $value := .svc.env }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{- define "edgemec.app.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "edgemec.resourceName" . }}
  labels:
    {{- include "edgemec.labels" . | nindent 4 }}
    {{- include "edgemec.selectorLabels" . | nindent 4 }}
data:
  {{- include "edgemec.app.configData" . | nindent 2 }}
{{- end }}

{{- define "edgemec.app.secret" -}}
{{- if not (include "edgemec.db.useExistingSecret" .root) }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "edgemec.resourceName" . }}
  labels:
    {{- include "edgemec.labels" . | nindent 4 }}
    {{- include "edgemec.selectorLabels" . | nindent 4 }}
type: Opaque
stringData:
  QUARKUS_DATASOURCE_PASSWORD: {{ include "edgemec.db.password" .root | quote }}
{{- end }}
{{- end }}

{{- define "edgemec.app.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "edgemec.resourceName" . }}
  labels:
    {{- include "edgemec.labels" . | nindent 4 }}
    {{- include "edgemec.selectorLabels" . | nindent 4 }}
spec:
  type: {{ .svc.service.type }}
  selector:
    {{- include "edgemec.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .svc.port }}
      targetPort: http
      protocol: TCP
{{- end }}

{{- define "edgemec.app.probe" -}}
httpGet:
  path: {{ .path }}
  port: http
{{- with .initialDelaySeconds }}
initialDelaySeconds: {{ . }}
{{- end }}
periodSeconds: {{ .periodSeconds }}
timeoutSeconds: {{ .timeoutSeconds }}
failureThreshold: {{ .failureThreshold }}
{{- end }}

{{- define "edgemec.app.deployment" -}}
{{- $root := .root -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "edgemec.resourceName" . }}
  labels:
    {{- include "edgemec.labels" . | nindent 4 }}
    {{- include "edgemec.selectorLabels" . | nindent 4 }}
    {{- with .hostName }}
    edgemec.org/mec-host: {{ . }}
    {{- end }}
spec:
  replicas: {{ .svc.replicas }}
  selector:
    matchLabels:
      {{- include "edgemec.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "edgemec.selectorLabels" . | nindent 8 }}
        app.kubernetes.io/part-of: edgemec
        {{- with .hostName }}
        edgemec.org/mec-host: {{ . }}
        {{- end }}
      annotations:
        # Roll the pods when their settings change.
        checksum/config: {{ include "edgemec.app.configData" . | sha256sum }}
        checksum/secret: {{ include "edgemec.app.secret" . | sha256sum }}
    spec:
      # Service links would add *_PORT/*_HOST variables that Quarkus could read as config.
      enableServiceLinks: false
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .component }}
          image: {{ include "edgemec.app.image" . | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          {{- with $root.Values.securityContext }}
          securityContext:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          ports:
            - name: http
              containerPort: {{ .svc.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "edgemec.resourceName" . }}
            - secretRef:
                name: {{ include "edgemec.operator.secretName" $root }}
            {{- if not (include "edgemec.db.useExistingSecret" $root) }}
            - secretRef:
                name: {{ include "edgemec.resourceName" . }}
            {{- end }}
          {{- if include "edgemec.db.useExistingSecret" $root }}
          env:
            - name: QUARKUS_DATASOURCE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.externalDatabase.existingSecret }}
                  key: {{ $root.Values.externalDatabase.existingSecretPasswordKey }}
          {{- end }}
          readinessProbe:
            {{- include "edgemec.app.probe" $root.Values.probes.readiness | nindent 12 }}
          livenessProbe:
            {{- include "edgemec.app.probe" $root.Values.probes.liveness | nindent 12 }}
          startupProbe:
            {{- include "edgemec.app.probe" $root.Values.probes.startup | nindent 12 }}
          {{- with .svc.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
      {{- with .svc.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .svc.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .svc.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{/*
Context dicts of the mec-platform instances, one per .Values.hosts entry, as a
YAML list (use with fromYamlArray). Host entries override the mecPlatform defaults.
*/}}
{{- define "edgemec.mecPlatform.contexts" -}}
{{- $seen := dict -}}
{{- $list := list -}}
{{- range .Values.hosts }}
{{- if hasKey $seen .name }}
{{- fail (printf "hosts: duplicate host name %q" .name) }}
{{- end }}
{{- $_ := set $seen .name true }}
{{- $svc := merge (omit . "name") (deepCopy $.Values.mecPlatform) }}
{{- $list = append $list (dict "name" (printf "%s-mec-platform" .name) "component" "mec-platform" "svc" $svc "schema" (printf "%s%s" $.Values.mecPlatform.dbSchemaPrefix (.name | replace "-" "_")) "hostName" .name) }}
{{- end }}
{{- toYaml $list }}
{{- end }}
