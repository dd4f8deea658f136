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

{{/* The Secret and key holding the DB password: an existing one of yours, or edgemec-database (database-secret.yaml). */}}
{{- define "edgemec.db.secretName" -}}
{{- if and (not .Values.postgresql.enabled) .Values.externalDatabase.existingSecret }}{{ .Values.externalDatabase.existingSecret }}{{ else }}{{ include "edgemec.resourceName" (dict "root" . "name" "edgemec-database") }}{{ end }}
{{- end }}

{{- define "edgemec.db.secretKey" -}}
{{- if and (not .Values.postgresql.enabled) .Values.externalDatabase.existingSecret }}{{ .Values.externalDatabase.existingSecretPasswordKey }}{{ else }}password{{ end }}
{{- end }}

{{/* True when the DB password comes from a Secret this chart does not manage. */}}
{{- define "edgemec.db.useExistingSecret" -}}
{{- if and (not .Values.postgresql.enabled) .Values.externalDatabase.existingSecret }}true{{ end }}
{{- end }}

{{/* In-cluster DNS name of a Service of this release: (dict "root" $ "name" "x") -> x.<namespace>.svc */}}
{{- define "edgemec.svcHost" -}}
{{- printf "%s.%s.svc" (include "edgemec.resourceName" .) .root.Release.Namespace }}
{{- end }}

{{- define "edgemec.platformCa.secretName" -}}
{{- if .Values.platformCa.existingSecret }}{{ .Values.platformCa.existingSecret }}{{ else }}{{ include "edgemec.resourceName" (dict "root" . "name" "edgemec-platform-ca") }}{{ end }}
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
{{- range $key, $value := .settings }}
{{ $key }}: {{ $value | toString | quote }}
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

{{/* ConfigMap <name>-files: the properties file read through QUARKUS_CONFIG_LOCATIONS (.files is its text). */}}
{{- define "edgemec.app.filesConfigmap" -}}
{{- if .files }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "edgemec.resourceName" . }}-files
  labels:
    {{- include "edgemec.labels" . | nindent 4 }}
    {{- include "edgemec.selectorLabels" . | nindent 4 }}
data:
  edgemec.properties: |
    {{- .files | nindent 4 }}
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
  {{- if eq .svc.service.type "NodePort" }}
  {{- $all := list .svc.port }}
  {{- range .ports }}{{ $all = append $all .port }}{{ end }}
  {{- range $p := $all }}
  {{- if or (lt (int $p) 30000) (gt (int $p) 32767) }}
  {{- fail (printf "%s: service.type NodePort uses node ports equal to the ports (the proxy advertises its own port), so port %v must lie in 30000-32767" $.name $p) }}
  {{- end }}
  {{- end }}
  {{- end }}
  selector:
    {{- include "edgemec.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .svc.port }}
      targetPort: http
      protocol: TCP
      {{- if eq .svc.service.type "NodePort" }}
      nodePort: {{ .svc.port }}
      {{- end }}
    {{- range .ports }}
    - name: {{ .name }}
      port: {{ .port }}
      targetPort: {{ .name }}
      protocol: {{ .protocol }}
      {{- if eq $.svc.service.type "NodePort" }}
      nodePort: {{ .port }}
      {{- end }}
    {{- end }}
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
  {{- with .strategy }}
  strategy:
    type: {{ . }}
  {{- end }}
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
        {{- with .files }}
        checksum/files: {{ toYaml . | sha256sum }}
        {{- end }}
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
            {{- range .ports }}
            - name: {{ .name }}
              containerPort: {{ .port }}
              protocol: {{ .protocol }}
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ include "edgemec.resourceName" . }}
            - secretRef:
                name: {{ include "edgemec.operator.secretName" $root }}
          env:
            - name: QUARKUS_DATASOURCE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "edgemec.db.secretName" $root }}
                  key: {{ include "edgemec.db.secretKey" $root }}
            {{- if .files }}
            # dotted property names (map keys such as host names) that environment variables cannot spell
            - name: QUARKUS_CONFIG_LOCATIONS
              value: /etc/edgemec/config/edgemec.properties
            {{- end }}
          {{- if or .files .volumeMounts }}
          volumeMounts:
            {{- if .files }}
            - name: config
              mountPath: /etc/edgemec/config
              readOnly: true
            {{- end }}
            {{- with .volumeMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
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
      {{- if or .files .volumes }}
      volumes:
        {{- if .files }}
        - name: config
          configMap:
            name: {{ include "edgemec.resourceName" . }}-files
        {{- end }}
        {{- with .volumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
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
The MEC hosts with everything derived from them, as a YAML list (use with fromYamlArray): name, zone, the platform's
Service name and DNS name, its ports, public host and URL, and the host's engine and capacity.
*/}}
{{- define "edgemec.hosts.info" -}}
{{- $seen := dict -}}
{{- $list := list -}}
{{- range .Values.hosts }}
{{- if hasKey $seen .name }}
{{- fail (printf "hosts: duplicate host name %q" .name) }}
{{- end }}
{{- $_ := set $seen .name true }}
{{- $svc := merge (omit . "name" "zone" "engine" "capacity" "publicUrl") (deepCopy $.Values.mecPlatform) }}
{{- $svcName := printf "%s-mec-platform" .name }}
{{- $svcHost := include "edgemec.svcHost" (dict "root" $ "name" $svcName) }}
{{- $engine := .engine | default dict }}
{{- $capacity := .capacity | default dict }}
{{- $list = append $list (dict
    "name" .name
    "zone" (.zone | default (printf "zone-%s" .name))
    "svc" $svc
    "svcName" (include "edgemec.resourceName" (dict "root" $ "name" $svcName))
    "publicHost" ($svc.proxy.publicHost | default $svcHost)
    "publicUrl" (.publicUrl | default (printf "http://%s:%v" $svcHost $svc.port))
    "engineEndpoint" (required (printf "hosts[%s].engine.endpoint is required" .name) $engine.endpoint)
    "engineKind" ($engine.kind | default "PODMAN")
    "engineTlsSecret" ($engine.tlsSecret | default "")
    "cpu" ($capacity.cpu | default 4)
    "memoryMb" ($capacity.memoryMb | default 4096)) }}
{{- end }}
{{- toYaml $list }}
{{- end }}

{{/*
Context dicts of the mec-platform instances, one per MEC host, as a YAML list (use with fromYamlArray). Every
platform gets every host as a proxy peer (its own entry is ignored by the proxy), addressed by Service name.
*/}}
{{- define "edgemec.mecPlatform.contexts" -}}
{{- $hosts := include "edgemec.hosts.info" . | fromYamlArray }}
{{- $peers := list }}
{{- range $hosts }}
{{- $peers = append $peers (printf "edgemec.proxy.peers.%s.authority=%s:%v\nedgemec.proxy.peers.%s.control-url=http://%s:%v\nedgemec.proxy.peers.%s.zone=%s" .name .publicHost .svc.proxy.httpsPort .name .svcName .svc.port .name .zone) }}
{{- end }}
{{- $files := printf "# above the image's application.properties (250) and below environment variables (300)\nconfig_ordinal=270\n# proxies of the MEC hosts of this release (handover targets)\n%s\n" (join "\n" $peers) }}
{{- $list := list -}}
{{- range $hosts }}
{{- $settings := dict
    "EDGEMEC_HOST_NAME" .name
    "EDGEMEC_PROXY_ZONE" .zone
    "EDGEMEC_DNS_BIND" "0.0.0.0"
    "EDGEMEC_DNS_PORT" .svc.dnsPort
    "EDGEMEC_PROXY_LISTEN_HOST" "0.0.0.0"
    "EDGEMEC_PROXY_HTTPS_PORT" .svc.proxy.httpsPort
    "EDGEMEC_PROXY_HTTP_PORT" .svc.proxy.httpPort
    "EDGEMEC_PROXY_PUBLIC_HOST" .publicHost
    "EDGEMEC_PUBLIC_URL" .publicUrl
    "EDGEMEC_PROXY_CA_DIR" "/etc/edgemec/ca" }}
{{- $ports := list
    (dict "name" "dns-udp" "port" .svc.dnsPort "protocol" "UDP")
    (dict "name" "dns-tcp" "port" .svc.dnsPort "protocol" "TCP")
    (dict "name" "proxy-https" "port" .svc.proxy.httpsPort "protocol" "TCP")
    (dict "name" "proxy-http" "port" .svc.proxy.httpPort "protocol" "TCP") }}
{{- $volumes := list (dict "name" "platform-ca" "secret" (dict "secretName" (include "edgemec.platformCa.secretName" $) "defaultMode" 292)) }}
{{- $mounts := list (dict "name" "platform-ca" "mountPath" "/etc/edgemec/ca" "readOnly" true) }}
{{- $list = append $list (dict "name" (printf "%s-mec-platform" .name) "component" "mec-platform" "svc" .svc
    "schema" (printf "%s%s" $.Values.mecPlatform.dbSchemaPrefix (.name | replace "-" "_")) "hostName" .name
    "settings" $settings "ports" $ports "files" $files "volumes" $volumes "volumeMounts" $mounts) }}
{{- end }}
{{- toYaml $list }}
{{- end }}

{{/* Context dict of mec-app-lcm: its MEC hosts (engines, platforms, TLS files) and its package store. */}}
{{- define "edgemec.mecAppLcm.context" -}}
{{- $lcm := .Values.mecAppLcm }}
{{- $name := "mec-app-lcm" }}
{{- $store := $lcm.packageStore }}
{{- $shared := has "ReadWriteMany" $store.accessModes }}
{{- if and (gt (int $lcm.replicas) 1) (not $shared) }}
{{- fail "mecAppLcm.replicas > 1 needs mecAppLcm.packageStore.accessModes with ReadWriteMany: every replica reads and writes the same package store" }}
{{- end }}
{{- $lines := list "# above the image's application.properties (250) and below environment variables (300)" "config_ordinal=270" "# MEC hosts of this release (edgemec.hosts.<name>.*)" }}
{{- $volumes := list (dict "name" "packages" "persistentVolumeClaim" (dict "claimName" ($store.existingClaim | default (include "edgemec.resourceName" (dict "root" . "name" "mec-app-lcm-packages"))))) }}
{{- $mounts := list (dict "name" "packages" "mountPath" "/var/lib/edgemec/packages") }}
{{- range include "edgemec.hosts.info" . | fromYamlArray }}
{{- $p := printf "edgemec.hosts.%s." .name }}
{{- $lines = append $lines (printf "%sengine-endpoint=%s" $p .engineEndpoint) }}
{{- $lines = append $lines (printf "%sengine-kind=%s" $p .engineKind) }}
{{- $lines = append $lines (printf "%splatform-url=http://%s:%v" $p .svcName .svc.port) }}
{{- $lines = append $lines (printf "%szone=%s" $p .zone) }}
{{- $lines = append $lines (printf "%scapacity.cpu=%v" $p .cpu) }}
{{- $lines = append $lines (printf "%scapacity.memory-mb=%v" $p .memoryMb) }}
{{- if .engineTlsSecret }}
{{- $dir := printf "/etc/edgemec/engine-tls/%s" .name }}
{{- $lines = append $lines (printf "%sengine-tls.ca-cert=%s/ca.pem" $p $dir) }}
{{- $lines = append $lines (printf "%sengine-tls.client-cert=%s/cert.pem" $p $dir) }}
{{- $lines = append $lines (printf "%sengine-tls.client-key=%s/key.pem" $p $dir) }}
{{- $volumes = append $volumes (dict "name" (printf "engine-tls-%s" .name) "secret" (dict "secretName" .engineTlsSecret "defaultMode" 292)) }}
{{- $mounts = append $mounts (dict "name" (printf "engine-tls-%s" .name) "mountPath" $dir "readOnly" true) }}
{{- end }}
{{- end }}
{{- $settings := dict
    "EDGEMEC_LCM_BASE_URL" ($lcm.publicUrl | default (printf "http://%s:%v" (include "edgemec.svcHost" (dict "root" . "name" $name)) $lcm.port))
    "EDGEMEC_LCM_PACKAGE_DIR" "/var/lib/edgemec/packages" }}
{{- toYaml (dict "name" $name "component" "mec-app-lcm" "svc" $lcm "schema" $lcm.dbSchema "settings" $settings
    "files" (printf "%s\n" (join "\n" $lines)) "volumes" $volumes "volumeMounts" $mounts
    "strategy" (ternary "RollingUpdate" "Recreate" $shared)) }}
{{- end }}

{{/* Context dict of relocation-service. */}}
{{- define "edgemec.relocationService.context" -}}
{{- $rs := .Values.relocationService }}
{{- $settings := dict
    "EDGEMEC_LCM_URL" (printf "http://%s:%v" (include "edgemec.resourceName" (dict "root" . "name" "mec-app-lcm")) .Values.mecAppLcm.port)
    "EDGEMEC_AMS_BASE_URL" ($rs.publicUrl | default (printf "http://%s:%v" (include "edgemec.svcHost" (dict "root" . "name" "relocation-service")) $rs.port)) }}
{{- toYaml (dict "name" "relocation-service" "component" "relocation-service" "svc" $rs "schema" $rs.dbSchema "settings" $settings) }}
{{- end }}
