#!/bin/bash
# Joins a worker to hopper's control plane at boot. The token never expires (kubeadm token create --ttl 0), so
# nodes the cluster autoscaler adds later can join too.
set -euo pipefail
kubeadm join 10.0.0.10:6443 --token "$(cat /etc/kubernetes/join-token)" \
    --discovery-token-unsafe-skip-ca-verification
